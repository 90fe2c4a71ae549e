/**
 * The portal's server: `npm start` (production, from build/) and `npm run dev` (Vite).
 * SIGTERM and SIGINT stop taking requests, finish the ones in flight, then close the
 * database, so an embedded PGlite is never left half-written.
 */
import { createServer, type Server } from "node:http";
import type { ServerBuild } from "@remix-run/node";
import { EnvError, getEnv } from "~/utils/env.server";
import { createApp } from "./app";
import { startBackgroundWork } from "./background";
import { createPageCache, inFrontOf, PUBLIC_CONTENT_CHANNEL, type PageCache } from "./page-cache";
import { isPostgresClosedSocketWrite, loadDotEnv, openAppDatabase } from "./start";

process.on("uncaughtException", (error) => {
  if (isPostgresClosedSocketWrite(error)) {
    console.error("PostgreSQL closed a connection mid-write (postgres.js); the query failed and the server carries on.");
    return;
  }
  console.error(error);
  process.exit(1);
});

async function main() {
  loadDotEnv();
  let env;
  try {
    env = getEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }

  const database = await openAppDatabase(env);
  const production = env.NODE_ENV === "production";

  let app;
  let pageCache: PageCache | undefined;
  let stopListening = async () => {};
  if (production) {
    const build = (await import(/* @vite-ignore */ new URL("./server/index.js", import.meta.url).href)) as ServerBuild;
    // Public pages are kept in memory until the database says their content changed.
    const cache = createPageCache();
    pageCache = cache;
    stopListening = await database.listen(PUBLIC_CONTENT_CHANNEL, () => cache.invalidate());
    app = createApp({ env, build, pageCache });
  } else {
    const vite = await import("vite").then((v) => v.createServer({ server: { middlewareMode: true } }));
    app = createApp({
      env,
      devMiddleware: vite.middlewares,
      build: () => vite.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>,
    });
  }

  const stopBackground = env.BACKGROUND_WORK ? startBackgroundWork(env) : async () => {};
  // A page kept in memory goes out from node:http directly, before Express and Remix.
  const server = createServer(pageCache ? inFrontOf(pageCache, app) : app);
  setServerTimeouts(server);
  server.listen(env.PORT, env.HOST, () => {
    console.info(`Community Sponsorship Awards portal on ${env.APP_URL} (${database.kind}${database.kind === "pglite" ? ` in ${env.DATA_DIR}` : ""})`);
    if (!env.mailConfigured) {
      console.info(`No RESEND_API_KEY: emails stay in the outbox${env.devMailPage ? `, listed at ${env.APP_URL}/dev/mail` : " (DEV_MAIL=true lists them at /dev/mail)"}`);
    }
  });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.info(`${signal} received: finishing requests, then closing the database.`);
    const force = setTimeout(() => {
      console.error("Requests did not finish in 10 s; closing anyway.");
      server.closeAllConnections();
    }, 10_000);
    force.unref();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
    await stopBackground();
    await stopListening();
    await database.close();
    clearTimeout(force);
    console.info("Closed cleanly.");
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

/**
 * Chosen, not inherited: Node's defaults let a client hold a connection for 300 s by
 * sending a request slowly. Headers must arrive within 10 s; a whole request, a 10 MB
 * upload on a slow phone included, within 120 s; an idle keep-alive connection closes
 * after 5 s. A body that stalls is cut sooner by the body gate (BODY_IDLE_SECONDS).
 */
export function setServerTimeouts(server: Server) {
  server.headersTimeout = 10_000;
  server.requestTimeout = 120_000;
  server.keepAliveTimeout = 5_000;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
