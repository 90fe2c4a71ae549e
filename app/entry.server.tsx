import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { NonceProvider } from "./components/nonce";
import { withTitleForPage, type TitleWords } from "./domain/page-title";
import { languageOf, pageI18n, remixI18n } from "./i18n.server";
import { applyCachePolicy } from "./utils/public-cache.server";

export const streamTimeout = 5_000;

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = typeof loadContext.cspNonce === "string" ? loadContext.cspNonce : "";
  // Every page is rendered whole (no route defers data, so nothing streams later anyway),
  // so its title can be made to name its heading, and say "Error: " when it shows an error
  // summary, before any script runs (page-change.tsx keeps it so after client-side changes).
  // The page's language comes from its address; only its routes' catalogues are loaded.
  const i18n = await pageI18n(languageOf(request), remixI18n.getRouteNamespaces(remixContext));
  const words: TitleWords = { siteName: i18n.t("siteName"), errorPrefix: i18n.t("errors.titlePrefix") };
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    let shellFailed = false;
    const { pipe, abort } = renderToPipeableStream(
      <I18nextProvider i18n={i18n}>
        <NonceProvider value={nonce}>
          <RemixServer context={remixContext} url={request.url} abortDelay={streamTimeout} nonce={nonce} />
        </NonceProvider>
      </I18nextProvider>,
      {
        nonce,
        onAllReady() {
          // React reports "all ready" after a failed shell too: that page is already refused.
          if (shellFailed) return;
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          applyCachePolicy(request, responseHeaders);
          resolve(titled(body, responseHeaders, responseStatusCode, words));
          pipe(body);
        },
        onShellError(error: unknown) {
          shellFailed = true;
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, streamTimeout + 1000);
  });
}

/** The whole page, its title naming its heading and starting "Error: " when it shows an error summary. */
async function titled(body: PassThrough, headers: Headers, status: number, words: TitleWords): Promise<Response> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.from(chunk as Uint8Array));
  const html = withTitleForPage(Buffer.concat(chunks).toString("utf8"), words);
  return new Response(html, { headers, status });
}

/** Data requests (`*.data`) get the same Cache-Control rules as pages. */
export function handleDataRequest(response: Response, { request }: { request: Request }) {
  applyCachePolicy(request, response.headers);
  return response;
}

export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  console.error(error);
}
