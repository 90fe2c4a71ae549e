/**
 * Typed translation keys: t("nav.home") is checked against the English catalogue, which is the
 * source every other language follows (tests/unit/catalogues.test.ts keeps the Welsh in step).
 */
import "i18next";
import type auth from "~/locales/en/auth.json";
import type campaign from "~/locales/en/campaign.json";
import type common from "~/locales/en/common.json";
import type home from "~/locales/en/home.json";
import type info from "~/locales/en/info.json";
import type nomination from "~/locales/en/nomination.json";
import type results from "~/locales/en/results.json";
import type validation from "~/locales/en/validation.json";
import type vote from "~/locales/en/vote.json";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "common";
    resources: {
      auth: typeof auth;
      campaign: typeof campaign;
      common: typeof common;
      home: typeof home;
      info: typeof info;
      nomination: typeof nomination;
      results: typeof results;
      validation: typeof validation;
      vote: typeof vote;
    };
  }
}
