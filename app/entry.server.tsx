import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { NonceProvider } from "./components/nonce";
import { ERROR_TITLE_PREFIX, SITE_NAME } from "./content/site";
import { withTitleForPage } from "./domain/page-title";
import { applyCachePolicy } from "./utils/public-cache.server";

export const streamTimeout = 5_000;

export default function handleRequest(
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
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    let shellFailed = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={streamTimeout} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        onAllReady() {
          // React reports "all ready" after a failed shell too: that page is already refused.
          if (shellFailed) return;
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          applyCachePolicy(request, responseHeaders);
          resolve(titled(body, responseHeaders, responseStatusCode));
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
async function titled(body: PassThrough, headers: Headers, status: number): Promise<Response> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.from(chunk as Uint8Array));
  const html = withTitleForPage(Buffer.concat(chunks).toString("utf8"), { siteName: SITE_NAME, errorPrefix: ERROR_TITLE_PREFIX });
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
