import { connect, createServer, type Server, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, test } from "vitest";
import { openDatabase, type DatabaseHandle } from "#db/client";
import { loader as healthz } from "~/routes/healthz";
import { getDatabase, setDatabase } from "~/utils/db.server";
import { run } from "../support/fixtures";

const check = () => run<{ status: string; database: string }>(() => healthz());

describe("/healthz", () => {
  test("answers 200 with the database kind when the database answers", async () => {
    const answer = await check();
    expect(answer.status).toBe(200);
    expect(answer.data.status).toBe("ok");
    expect(answer.data.database).toBe(process.env.TEST_DB_KIND === "postgres" ? "postgres" : "pglite");
    expect(answer.headers.get("Cache-Control")).toBe("no-store");
  });
});

/*
 * A TCP relay between the app and PostgreSQL that the test can cut and restore, so the
 * database really becomes unreachable and then reachable again, without touching the server.
 */
async function startRelay(target: { host: string; port: number }) {
  const sockets = new Set<Socket>();
  let up = true;
  const server: Server = createServer((client) => {
    if (!up) return client.destroy();
    const upstream = createConnectionTo(target);
    sockets.add(client).add(upstream);
    client.pipe(upstream).pipe(client);
    const drop = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on("error", drop).on("close", drop);
    upstream.on("error", drop).on("close", drop);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    cut() {
      up = false;
      for (const socket of sockets) socket.destroy();
      sockets.clear();
    },
    restore() {
      up = true;
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

function createConnectionTo(target: { host: string; port: number }) {
  return connect(target.port, target.host);
}

describe.runIf(process.env.TEST_DB_KIND === "postgres")("/healthz on PostgreSQL", () => {
  let original: DatabaseHandle;
  let relayed: DatabaseHandle | undefined;
  afterAll(async () => {
    setDatabase(original);
    await relayed?.close();
  });

  test("answers 503 while the database is unreachable, and 200 once it is back", async () => {
    original = getDatabase();
    const url = new URL(process.env.TEST_DATABASE_URL!);
    const relay = await startRelay({ host: url.hostname, port: Number(url.port || 5432) });
    const viaRelay = new URL(url);
    viaRelay.port = String(relay.port);
    relayed = openDatabase({ url: viaRelay.href, poolSize: 2 });
    setDatabase(relayed);

    expect((await check()).status).toBe(200);
    relay.cut();
    const down = await check();
    expect(down.status).toBe(503);
    expect(down.data).toEqual({ status: "unavailable", database: "unreachable" });
    relay.restore();
    let status = 0;
    for (let i = 0; i < 20 && status !== 200; i++) {
      status = (await check()).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe(200);
    setDatabase(original);
    await relayed.close();
    relayed = undefined;
    relay.cut();
    await relay.close();
  });
});

describe.runIf(process.env.TEST_DB_KIND !== "postgres")("/healthz on PGlite", () => {
  test("answers 503 once the embedded database is closed", async () => {
    const original = getDatabase();
    const closed = openDatabase({ memory: true });
    await closed.close();
    setDatabase(closed);
    try {
      expect((await check()).status).toBe(503);
    } finally {
      setDatabase(original);
    }
  });
});
