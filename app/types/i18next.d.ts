/**
 * Typed translation keys: t("nav.home") is checked against the English catalogue, which is the
 * source every other language follows (tests/unit/catalogues.test.ts keeps the Welsh in step).
 */
import "i18next";
import type common from "~/locales/en/common.json";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "common";
    resources: {
      common: typeof common;
    };
  }
}
