// Stand-ins for postcodes.io and the UK Parliament Members API on 127.0.0.1, so the real
// client code runs and only the network edge is replaced. Every answer is built from the
// sample responses in tests/fixtures/campaigns/, so the shapes are the services' own.
// Plain JavaScript: tests/e2e/serve.mjs starts it too. The data is fictional.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";

const fixture = (name) => JSON.parse(readFileSync(new URL(`../fixtures/campaigns/${name}.json`, import.meta.url), "utf8"));
const SAMPLES = {
  found: fixture("postcodes-io-found"),
  notFound: fixture("postcodes-io-not-found"),
  constituencySearch: fixture("members-api-constituency-search"),
  membersSearch: fixture("members-api-members-search"),
  contact: fixture("members-api-contact"),
};
const clone = (value) => JSON.parse(JSON.stringify(value));

/** The mock's fictional world: postcodes, their constituencies, and each constituency's MP. */
export const MOCK_WORLD = {
  postcodes: {
    "ZZ5 1AA": "Mockford Vale",
    "ZZ5 1AB": "Mockford Vale",
    "ZZ6 1AA": "Stubbington Marsh",
  },
  /** Postcodes the mock answers with a 500, so a browser test can meet the service being down. */
  failing: ["ZZ7 7ZZ"],
  members: [
    { id: 99501, name: "Robin Mockworth", party: "Example Party", constituency: "Mockford Vale", constituencyId: 9951, email: "robin.mockworth.mp@example.org" },
    { id: 99502, name: "Kit Stubbs", party: "Sample Alliance", constituency: "Stubbington Marsh", constituencyId: 9952, email: "kit.stubbs.mp@example.org" },
  ],
};

const normalise = (postcode) => {
  const compact = decodeURIComponent(postcode).replace(/\s+/g, "").toUpperCase();
  return compact.length > 3 ? `${compact.slice(0, -3)} ${compact.slice(-3)}` : compact;
};

function memberValue(template, member) {
  const value = clone(template);
  value.id = member.id;
  value.nameDisplayAs = member.name;
  value.nameListAs = member.name.split(" ").reverse().join(", ");
  value.nameFullTitle = `${member.name} MP`;
  value.latestParty.name = member.party;
  value.latestHouseMembership.membershipFrom = member.constituency;
  value.latestHouseMembership.membershipFromId = member.constituencyId;
  return value;
}

function json(res, status, body) {
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(body));
}

/**
 * Starts both services on one port: postcodes.io at `${url}/postcodes-io`, the Members API
 * at `${url}/members-api`. `set(service, behaviour)` makes one answer "ok", an HTTP status,
 * or "hang" (never answer).
 */
export async function startMockMpServices(world = MOCK_WORLD) {
  const behaviour = { postcodes: "ok", members: "ok" };
  const requests = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://mock");
    requests.push(url.pathname + url.search);
    const service = url.pathname.startsWith("/postcodes-io/") ? "postcodes" : url.pathname.startsWith("/members-api/") ? "members" : null;
    if (!service) return json(res, 404, { status: 404, error: "Resource not found" });
    const mode = behaviour[service];
    if (mode === "hang") return;
    if (typeof mode === "number") return json(res, mode, { status: mode, error: "mock failure" });

    if (service === "postcodes") {
      const match = url.pathname.match(/^\/postcodes-io\/postcodes\/([^/]+)$/);
      if (!match) return json(res, 404, { status: 404, error: "Resource not found" });
      const postcode = normalise(match[1]);
      if (world.failing?.includes(postcode)) return json(res, 500, { status: 500, error: "mock failure" });
      const constituency = world.postcodes[postcode];
      if (!constituency) return json(res, 404, clone(SAMPLES.notFound));
      const body = clone(SAMPLES.found);
      const member = world.members.find((m) => m.constituency === constituency);
      body.result.postcode = postcode;
      body.result.outcode = postcode.split(" ")[0];
      body.result.incode = postcode.split(" ")[1];
      body.result.parliamentary_constituency = constituency;
      body.result.parliamentary_constituency_2024 = constituency;
      body.result.codes.parliamentary_constituency = `E1409${String(member?.constituencyId ?? 9999).padStart(4, "0")}`;
      return json(res, 200, body);
    }

    const path = url.pathname.slice("/members-api".length);
    if (path === "/api/Location/Constituency/Search") {
      const text = (url.searchParams.get("searchText") ?? "").toLowerCase();
      const found = world.members.filter((m) => m.constituency.toLowerCase().includes(text));
      const body = clone(SAMPLES.constituencySearch);
      const template = body.items[0];
      body.items = found.map((m) => {
        const item = clone(template);
        item.value.id = m.constituencyId;
        item.value.name = m.constituency;
        item.value.currentRepresentation.member.value = memberValue(template.value.currentRepresentation.member.value, m);
        item.value.currentRepresentation.representation.membershipFrom = m.constituency;
        item.value.currentRepresentation.representation.membershipFromId = m.constituencyId;
        return item;
      });
      body.totalResults = found.length;
      body.resultContext = url.searchParams.get("searchText");
      return json(res, 200, body);
    }
    if (path === "/api/Members/Search") {
      const skip = Number(url.searchParams.get("skip") ?? 0);
      const take = Math.min(20, Number(url.searchParams.get("take") ?? 20));
      const body = clone(SAMPLES.membersSearch);
      const template = body.items[0];
      body.items = world.members.slice(skip, skip + take).map((m) => ({ ...clone(template), value: memberValue(template.value, m) }));
      body.totalResults = world.members.length;
      body.skip = skip;
      body.take = take;
      return json(res, 200, body);
    }
    const contact = path.match(/^\/api\/Members\/(\d+)\/Contact$/);
    if (contact) {
      const member = world.members.find((m) => m.id === Number(contact[1]));
      if (!member) return json(res, 404, { type: "https://tools.ietf.org/html/rfc7231#section-6.5.4", title: "Not Found", status: 404 });
      const body = clone(SAMPLES.contact);
      body.value[0].email = member.email;
      return json(res, 200, body);
    }
    return json(res, 404, { type: "https://tools.ietf.org/html/rfc7231#section-6.5.4", title: "Not Found", status: 404 });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    postcodesIoUrl: `${url}/postcodes-io`,
    membersApiUrl: `${url}/members-api`,
    requests,
    set(service, mode) {
      behaviour[service] = mode;
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
