import { expect, test } from "vitest";
import { PRIVACY_NOTICE } from "~/content/privacy";

test("the privacy notice has the same shape in English and Welsh", () => {
  const shape = (n: (typeof PRIVACY_NOTICE)["en"]) =>
    n.sections.map((s) => [s.paragraphs?.length ?? 0, s.items?.length ?? 0, s.after?.length ?? 0]);
  expect(shape(PRIVACY_NOTICE.cy)).toEqual(shape(PRIVACY_NOTICE.en));
  for (const s of PRIVACY_NOTICE.cy.sections) for (const text of [s.heading, ...(s.paragraphs ?? []), ...(s.items ?? []), ...(s.after ?? [])]) expect(text.trim()).not.toBe("");
});
