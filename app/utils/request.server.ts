/** What the server adapter tells us about a request (see app/server/app.ts). */
export type AppLoadContext = { clientIp: string; cspNonce: string };

export function clientIp(context: unknown): string {
  const ip = (context as Partial<AppLoadContext> | undefined)?.clientIp;
  return typeof ip === "string" && ip ? ip : "unknown";
}
