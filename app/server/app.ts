/**
 * The Express app around Remix: security headers with a per-request CSP nonce, the
 * Origin check on writes, the body gate (body-gate.ts), compression, long-lived caching of
 * hashed assets and, in production, the storing side of the in-process cache of public pages
 * (its hits are answered before this app, by `inFrontOf` in page-cache.ts). Kept apart from
 * index.ts so tests can mount it without listening.
 */
import { randomBytes } from "node:crypto";
import { createRequestHandler, writeReadableStreamToWritable, type ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, { type RequestHandler } from "express";
import { isWriteAllowed } from "~/utils/origin.server";
import type { Env } from "~/utils/env.server";
import { bodyGate } from "./body-gate";
import { withDatabaseErrorsMapped } from "./database-errors";
import type { PageCache } from "./page-cache";

export type AppOptions = {
  env: Env;
  /** Production: the built bundle; development: Vite's live module. */
  build: ServerBuild | (() => Promise<ServerBuild>);
  /** Development mounts Vite's middleware here. */
  devMiddleware?: RequestHandler;
  clientDir?: string;
  /** Production keeps public pages in memory (see page-cache.ts). */
  pageCache?: PageCache;
};

export function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    // Vite's dev client needs inline scripts and a websocket; production needs neither.
    dev ? "script-src 'self' 'unsafe-inline'" : `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    dev ? "connect-src 'self' ws: wss:" : "connect-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join("; ");
}

const securityHeaders =
  (dev: boolean, https: boolean): RequestHandler =>
  (_req, res, next) => {
    const nonce = randomBytes(16).toString("base64");
    res.locals.cspNonce = nonce;
    res.setHeader("Content-Security-Policy", contentSecurityPolicy(nonce, dev));
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Referrer-Policy", "same-origin");
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    if (https) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    next();
  };

const plain = (res: express.Response, status: number, message: string) =>
  res.status(status).type("text/plain; charset=utf-8").send(message);

export function createApp({ env, build, devMiddleware, clientDir = "build/client", pageCache }: AppOptions) {
  const app = express();
  const dev = Boolean(devMiddleware);
  app.disable("x-powered-by");
  app.set("trust proxy", env.TRUST_PROXY);

  app.use(securityHeaders(dev, env.APP_URL.startsWith("https:")));

  app.use((req, res, next) => {
    if (!isWriteAllowed(req.method, req.get("origin"), req.get("host"), [env.APP_URL])) {
      return plain(res, 403, "This form was sent from another site, so we did not accept it. Go back, reload the page and try again.");
    }
    next();
  });
  // Every body is read and checked here, in full and within limits, before Remix sees it.
  app.use(bodyGate({ limitBytes: env.BODY_LIMIT_MB * 1024 * 1024, idleMs: env.BODY_IDLE_SECONDS * 1000 }));

  app.use(compression());
  // After compression, so it keeps the page as rendered (and makes its own gzip once); before
  // the static files, so a page from memory never waits for a file lookup. Most hits never get
  // here: index.ts answers them before Express (page-cache.ts, `inFrontOf`).
  if (pageCache) app.use(pageCache.middleware);

  if (devMiddleware) {
    app.use(devMiddleware);
  } else {
    // Vite fingerprints everything under assets/, so it can be cached for a year.
    app.use("/assets", express.static(`${clientDir}/assets`, { immutable: true, maxAge: "1y", index: false }));
    app.use(express.static(clientDir, { maxAge: "1h", index: false }));
  }

  const handleRequest = createRequestHandler(
    typeof build === "function" ? async () => withDatabaseErrorsMapped(await build()) : withDatabaseErrorsMapped(build),
    dev ? "development" : "production",
  );
  app.all("*", async (req, res, next) => {
    try {
      const context = { clientIp: req.ip ?? req.socket.remoteAddress ?? "unknown", cspNonce: res.locals.cspNonce };
      const response = await handleRequest(remixRequest(req, res), context);
      await sendRemixResponse(res, response);
    } catch (error) {
      next(error);
    }
  });
  return app;
}

async function sendRemixResponse(res: express.Response, response: Response) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [name, value] of response.headers.entries()) res.append(name, value);
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}

/**
 * The request Remix sees. A write carries the body the gate checked (`res.locals.form`),
 * never the raw stream, with the content type that matches it.
 */
function remixRequest(req: express.Request, res: express.Response): Request {
  const port = /:(\d+)$/.exec(req.get("X-Forwarded-Host") ?? req.get("host") ?? "")?.[1];
  const url = new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, one);
  }
  const controller = new AbortController();
  let finished = false;
  res.on("finish", () => (finished = true));
  res.on("close", () => {
    if (!finished) controller.abort();
  });
  const form = res.locals.form as URLSearchParams | FormData | undefined;
  if (!form) return new Request(url.href, { method: req.method, headers, signal: controller.signal });
  for (const name of ["content-type", "content-length", "transfer-encoding"]) headers.delete(name);
  return new Request(url.href, { method: req.method, headers, signal: controller.signal, body: form });
}
