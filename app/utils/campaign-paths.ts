/** The public campaign pages' addresses, in one place. */
export const campaignPath = (slug: string) => `/campaigns/${slug}`;
export const writePath = (slug: string, query?: { postcode?: string; constituency?: string }) => {
  const params = new URLSearchParams(Object.entries(query ?? {}).filter(([, v]) => v) as Array<[string, string]>);
  const search = params.toString();
  return `/campaigns/${slug}/write${search ? `?${search}` : ""}`;
};
export const formPath = (slug: string, constituency?: string) =>
  `/campaigns/${slug}/commitment-form.pdf${constituency ? `?constituency=${encodeURIComponent(constituency)}` : ""}`;
export const meetPath = (slug: string) => `/campaigns/${slug}/meet`;
export const briefingPdfPath = (slug: string) => `/campaigns/${slug}/briefing.pdf`;
export const checkEmailPath = (slug: string) => `/campaigns/${slug}/check-email`;
