/** Addresses in the nomination journey, for links in pages and redirects on the server. */
import type { Step } from "~/domain/nomination";

export const statusPath = (slug: string) => `/nominate/${slug}`;
export const stepPath = (slug: string, step: Step) => `/nominate/${slug}/${step}`;
export const withdrawPath = (slug: string) => `/nominate/${slug}/withdraw`;
export const filePath = (slug: string, fileId: number) => `/nominate/${slug}/files/${fileId}`;
