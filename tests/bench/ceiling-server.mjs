// The throughput ceiling for a page: a bare node:http server that answers every request
// with the bytes the portal sent for that page, and the same headers. Nothing else runs.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";

const body = readFileSync(process.env.BODY_FILE);
const headers = { ...JSON.parse(process.env.HEADERS), "content-length": String(body.length) };

createServer((req, res) => {
  res.writeHead(200, headers);
  res.end(body);
}).listen(Number(process.env.PORT), "127.0.0.1");

process.on("SIGTERM", () => process.exit(0));
