import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { NonceProvider } from "./components/nonce";
import { ERROR_TITLE_PREFIX } from "./content/site";
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
  // Crawlers and share previews get the whole page at once; people get it streamed.
  // A form sent back with errors is also rendered whole, so its title can say "Error: "
  // before any script runs (page-change.tsx keeps it so after client-side sends).
  const formReply = request.method !== "GET" && request.method !== "HEAD";
  const waitForAll = formReply || isbot(request.headers.get("user-agent") ?? "");
  // The page's language comes from its address; only its routes' catalogues are loaded.
  const i18n = await pageI18n(languageOf(request), remixI18n.getRouteNamespaces(remixContext));
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <I18nextProvider i18n={i18n}>
        <NonceProvider value={nonce}>
          <RemixServer context={remixContext} url={request.url} abortDelay={streamTimeout} nonce={nonce} />
        </NonceProvider>
      </I18nextProvider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          applyCachePolicy(request, responseHeaders);
          if (formReply) {
            resolve(titledForErrors(body, responseHeaders, responseStatusCode, i18n.t("errors.titlePrefix")));
          } else {
            resolve(
              new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }),
            );
          }
          pipe(body);
        },
        onShellError(error: unknown) {
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

/** The whole page, its title starting "Error: " when it shows an error summary. */
async function titledForErrors(body: PassThrough, headers: Headers, status: number, prefix = ERROR_TITLE_PREFIX): Promise<Response> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.from(chunk as Uint8Array));
  let html = Buffer.concat(chunks).toString("utf8");
  if (html.includes('class="error-summary"') && !html.includes(`<title>${prefix}`)) html = html.replace("<title>", `<title>${prefix}`);
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
