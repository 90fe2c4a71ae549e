/** Addresses in the nomination journey, for links in pages and redirects on the server, in either language. */
import type { Step } from "~/domain/nomination";
import { localisedPath } from "~/domain/language-paths";
import type { Language } from "~/domain/vocabulary";

export const statusPath = (slug: string, language: Language = "en") => localisedPath(`/nominate/${slug}`, language);
export const stepPath = (slug: string, step: Step, language: Language = "en") => localisedPath(`/nominate/${slug}/${step}`, language);
export const withdrawPath = (slug: string, language: Language = "en") => localisedPath(`/nominate/${slug}/withdraw`, language);
export const filePath = (slug: string, fileId: number, language: Language = "en") => localisedPath(`/nominate/${slug}/files/${fileId}`, language);
