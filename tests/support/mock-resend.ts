/**
 * A stand-in for the Resend HTTP API on 127.0.0.1, so the real client code runs and
 * only the network edge is replaced. Like Resend, it honours Idempotency-Key: a repeat
 * of a key returns the first answer and delivers nothing new.
 */
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export type Delivered = { to: string; subject: string; html: string; text: string; from: string; idempotencyKey?: string };
export type Behaviour = "ok" | "hang" | number;

/** `delayMs` answers each request that much later, so a test can kill a sender mid-request. */
export async function startMockResend({ delayMs = 0 }: { delayMs?: number } = {}) {
  const received: Array<{ path: string; headers: IncomingHttpHeaders; body: Delivered }> = [];
  const delivered: Delivered[] = [];
  const byKey = new Map<string, string>();
  let behaviour: Behaviour = "ok";
  let counter = 0;

  const server = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk) => (raw += chunk));
    req.on("end", () => setTimeout(answer, delayMs));
    const answer = () => {
      const body = JSON.parse(raw || "{}") as Delivered;
      const key = req.headers["idempotency-key"] as string | undefined;
      received.push({ path: req.url ?? "", headers: req.headers, body: { ...body, idempotencyKey: key } });
      if (behaviour === "hang") return; // never answers: the client must time out
      if (typeof behaviour === "number") {
        res.writeHead(behaviour, { "Content-Type": "application/json" });
        res.end(JSON.stringify({ statusCode: behaviour, name: "internal_server_error", message: "mock failure" }));
        return;
      }
      if (req.headers.authorization !== "Bearer re_test_key") {
        res.writeHead(401, { "Content-Type": "application/json" });
        res.end(JSON.stringify({ statusCode: 401, name: "missing_api_key", message: "bad key" }));
        return;
      }
      let id = key ? byKey.get(key) : undefined;
      if (!id) {
        id = `mock-${++counter}`;
        if (key) byKey.set(key, id);
        delivered.push({ ...body, idempotencyKey: key });
      }
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ id }));
    };
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    delivered,
    set(next: Behaviour) {
      behaviour = next;
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
