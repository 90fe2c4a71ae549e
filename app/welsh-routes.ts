/**
 * The public route files, registered a second time under /cy with route ids of their own
 * (vite.config.ts, docs/decisions/030): the same module answers /privacy and /cy/privacy,
 * and reads the language from the address. tests/unit/welsh-routes.test.ts fails when a
 * route file is neither here nor in ENGLISH_ONLY_ROUTE_FILES, so a new public page cannot
 * be left without its Welsh address.
 */

/** [route file under app/routes, its path under /cy]. */
export const WELSH_ROUTES: ReadonlyArray<readonly [file: string, path: string]> = [
  ["_index.tsx", "cy"],
  ["accessibility.tsx", "cy/accessibility"],
  ["archive.tsx", "cy/archive"],
  ["privacy.tsx", "cy/privacy"],
  ["login.tsx", "cy/login"],
  ["login_.link.tsx", "cy/login/link"],
  ["nominate._index.tsx", "cy/nominate"],
  ["nominate.confirm.tsx", "cy/nominate/confirm"],
  ["nominate.resume.tsx", "cy/nominate/resume"],
  ["nominate.$slug._index.tsx", "cy/nominate/:slug"],
  ["nominate.$slug.nominee.tsx", "cy/nominate/:slug/nominee"],
  ["nominate.$slug.nominator.tsx", "cy/nominate/:slug/nominator"],
  ["nominate.$slug.case.tsx", "cy/nominate/:slug/case"],
  ["nominate.$slug.files.tsx", "cy/nominate/:slug/files"],
  ["nominate.$slug.files_.$fileId.tsx", "cy/nominate/:slug/files/:fileId"],
  ["nominate.$slug.check.tsx", "cy/nominate/:slug/check"],
  ["nominate.$slug.withdraw.tsx", "cy/nominate/:slug/withdraw"],
  ["winners._index.tsx", "cy/winners"],
  ["winners.$year.tsx", "cy/winners/:year"],
  ["vote.$year.$slug.tsx", "cy/vote/:year/:slug"],
  ["vote.confirm.tsx", "cy/vote/confirm"],
  ["campaigns._index.tsx", "cy/campaigns"],
  ["campaigns.confirm.tsx", "cy/campaigns/confirm"],
  ["campaigns.follow-up.tsx", "cy/campaigns/follow-up"],
  ["campaigns.$slug._index.tsx", "cy/campaigns/:slug"],
  ["campaigns.$slug.meet.tsx", "cy/campaigns/:slug/meet"],
  ["campaigns.$slug.write.tsx", "cy/campaigns/:slug/write"],
  ["campaigns.$slug.check-email.tsx", "cy/campaigns/:slug/check-email"],
  ["campaigns.$slug.briefing[.]pdf.tsx", "cy/campaigns/:slug/briefing.pdf"],
  ["campaigns.$slug.commitment-form[.]pdf.tsx", "cy/campaigns/:slug/commitment-form.pdf"],
  // Any other address under /cy: the 404 page, in Welsh.
  ["$.tsx", "cy/*"],
];

/** Route files of the areas that stay in English, or that are not pages. */
export const ENGLISH_ONLY_ROUTE_FILES = [/^admin[.]/, /^admin\.tsx$/, /^judge[.]/, /^dev[.]/, /^healthz\.ts$/, /^logout\.tsx$/, /^sitemap\[\.\]xml\.ts$/];

/** The Welsh route's id: the file's own id with "cy/" in front, so the two never clash. */
export const welshRouteId = (file: string) => `cy/routes/${file.replace(/\.tsx?$/, "")}`;
