import { describe, expect, test } from "vitest";
import {
  WEBMAIL_DOMAINS,
  detectConflicts,
  emailDomain,
  localAuthoritiesMatch,
  normaliseOrganisation,
  organisationsMatch,
  type JudgeProfile,
  type NominationParties,
} from "~/domain/conflicts";

// Fixtures share nothing by default, so each case adds only the link it is about.
function judge(overrides: Partial<JudgeProfile> = {}): JudgeProfile {
  return {
    judgeId: 1,
    name: "Alex Judge",
    email: "alex@judging-panel.org.uk",
    organisations: [],
    localAuthority: null,
    ...overrides,
  };
}

function nomination(
  overrides: {
    nominationId?: number;
    nominee?: Partial<NominationParties["nominee"]>;
    nominator?: Partial<NominationParties["nominator"]>;
    guardian?: NominationParties["guardian"];
  } = {},
): NominationParties {
  return {
    guardian: overrides.guardian ?? null,
    nominationId: overrides.nominationId ?? 10,
    nominee: { name: "Hope Welcome Group", email: "hello@hopewelcome.org", organisation: null, localAuthority: null, ...overrides.nominee },
    nominator: { name: "Sam Nominator", email: "sam@nominators.org", organisation: null, ...overrides.nominator },
  };
}

describe("emailDomain", () => {
  test.each([
    { email: " Jane.Doe@Leeds.AC.uk ", domain: "leeds.ac.uk" },
    { email: "someone@example.org.", domain: "example.org" },
    { email: "no-at-sign", domain: null },
    { email: "@example.org", domain: null },
    { email: "jane@", domain: null },
    { email: "jane@localhost", domain: null },
    { email: "", domain: null },
  ])("$email → $domain", ({ email, domain }) => {
    expect(emailDomain(email)).toBe(domain);
  });

  test.each(["gmail.com", "googlemail.com", "hotmail.co.uk", "outlook.com", "btinternet.com", "proton.me"])(
    "%s is webmail",
    (domain) => expect(WEBMAIL_DOMAINS.has(domain)).toBe(true),
  );
});

describe("normaliseOrganisation", () => {
  test.each([
    { name: "St Mary's Church, Leeds", normalised: "saint marys church leeds" },
    { name: "St. Marys church", normalised: "saint marys church" },
    { name: "The Hope & Anchor Ltd", normalised: "hope anchor" },
    { name: "Café Nour CIC", normalised: "cafe nour" },
    { name: "  ", normalised: "" },
  ])("$name → '$normalised'", ({ name, normalised }) => {
    expect(normaliseOrganisation(name)).toBe(normalised);
  });
});

describe("organisationsMatch", () => {
  test.each([
    ["St Mary's Church, Leeds", "St. Marys church"],
    ["St Mary's Church", "Saint Mary's Church"],
    ["St Mary Church", "St Mary's Church"],
    ["Oxfam", "Oxfam GB"],
    ["Leeds Refugee Support Network Ltd", "leeds refugee support network"],
    ["Café Nour", "CAFE NOUR"],
    ["Bradford Sanctuary Trust", "The Bradford Sanctuary Trust"],
    ["Refugee Action, Leeds", "Refugee Action"],
    ["Hope & Anchor Community Group", "Hope and Anchor Community Group"],
    ["Calderdale Sanctuary Netwrok", "Calderdale Sanctuary Network"],
    ["Kirkstall Methodist Chruch", "Kirkstall Methodist Church"],
  ])("%s ≈ %s", (a, b) => {
    expect(organisationsMatch(a, b)).toBe(true);
    expect(organisationsMatch(b, a)).toBe(true);
  });

  test.each([
    ["St Mary's Church, Leeds", "St John's Church, Leeds"],
    ["St Mary's Church, Leeds", "St Mary's Church, Bradford"],
    ["St John's Church", "St Joan's Church"],
    ["Leeds City Council", "Bradford Council"],
    ["Leeds Group", "Leeds Refugee Group"],
    ["Leeds Community Group", "Bradford Community Group"],
    ["Church", "St Mary's Church"],
    ["Community Group", "Community Group"],
    ["", ""],
    ["The", "The"],
    ["Oxfam", ""],
  ])("%s ≠ %s", (a, b) => {
    expect(organisationsMatch(a, b)).toBe(false);
    expect(organisationsMatch(b, a)).toBe(false);
  });
});

describe("localAuthoritiesMatch", () => {
  test.each([
    ["Leeds", "Leeds City Council"],
    ["City of Bradford Metropolitan District Council", "Bradford"],
    ["Brighton & Hove City Council", "Brighton and Hove"],
    ["St Helens", "St. Helens Borough Council"],
    ["Royal Borough of Kingston upon Thames", "Kingston upon Thames"],
    ["London Borough of Camden", "Camden Council"],
    ["City of London", "City of London Corporation"],
  ])("%s ≈ %s", (a, b) => {
    expect(localAuthoritiesMatch(a, b)).toBe(true);
    expect(localAuthoritiesMatch(b, a)).toBe(true);
  });

  test.each([
    ["Leeds City Council", "Bradford Council"],
    ["North Yorkshire", "Yorkshire"],
    ["City Council", "City Council"],
    ["", ""],
  ])("%s ≠ %s", (a, b) => {
    expect(localAuthoritiesMatch(a, b)).toBe(false);
  });
});

describe("detectConflicts: one rule at a time", () => {
  test.each([
    {
      name: "judge nominated, same address in different case",
      judge: judge({ email: " Jane.Doe@Leeds.ac.uk " }),
      nomination: nomination({ nominator: { email: "jane.doe@leeds.AC.UK" } }),
      rules: ["judge_nominated", "same_email"],
    },
    {
      name: "judge is the nominee by email",
      judge: judge({ email: "hello@hopewelcome.org" }),
      nomination: nomination(),
      rules: ["judge_nominated_as_nominee", "same_email"],
    },
    {
      name: "judge is the nominee by name",
      judge: judge({ name: "Priya Shah" }),
      nomination: nomination({ nominee: { name: "  priya  SHAH ", email: null } }),
      rules: ["judge_nominated_as_nominee"],
    },
    {
      name: "judge nominated under another address at the same organisation",
      judge: judge({ name: "Dr Priya Shah", email: "priya@refugeeaction.org.uk" }),
      nomination: nomination({ nominator: { name: "Priya Shah", email: "p.shah@refugeeaction.org.uk" } }),
      rules: ["judge_nominated", "same_domain"],
    },
    {
      name: "same name as the nominator but a different domain is not enough",
      judge: judge({ name: "Priya Shah", email: "priya@refugeeaction.org.uk" }),
      nomination: nomination({ nominator: { name: "Priya Shah", email: "priya.shah@gmail.com" } }),
      rules: [],
    },
    {
      name: "same organisational domain as the nominator",
      judge: judge({ email: "alex@leedsrefugee.org" }),
      nomination: nomination({ nominator: { email: "chris@LeedsRefugee.org" } }),
      rules: ["same_domain"],
    },
    {
      name: "same organisational domain as the nominee",
      judge: judge({ email: "alex@hopewelcome.org" }),
      nomination: nomination(),
      rules: ["same_domain"],
    },
    {
      name: "both on gmail.com",
      judge: judge({ email: "alex.judge@gmail.com" }),
      nomination: nomination({ nominator: { email: "sam.n@gmail.com" }, nominee: { email: "team@gmail.com" } }),
      rules: [],
    },
    {
      name: "both on hotmail.co.uk and googlemail.com",
      judge: judge({ email: "alex@hotmail.co.uk" }),
      nomination: nomination({ nominator: { email: "sam@hotmail.co.uk" }, nominee: { email: "x@googlemail.com" } }),
      rules: [],
    },
    {
      name: "identical webmail address still counts as the same email",
      judge: judge({ email: "alex.judge@gmail.com" }),
      nomination: nomination({ nominator: { email: "Alex.Judge@gmail.com" } }),
      rules: ["judge_nominated", "same_email"],
    },
    {
      name: "judge's organisation matches the nominee's",
      judge: judge({ organisations: ["Leeds City Council", "St Mary's Church, Leeds"] }),
      nomination: nomination({ nominee: { organisation: "St. Marys church" } }),
      rules: ["organisation"],
    },
    {
      name: "judge's organisation matches the nominator's",
      judge: judge({ organisations: ["Oxfam GB"] }),
      nomination: nomination({ nominator: { organisation: "oxfam" } }),
      rules: ["organisation"],
    },
    {
      name: "a different church in the same city",
      judge: judge({ organisations: ["St Mary's Church, Leeds"] }),
      nomination: nomination({ nominee: { organisation: "St John's Church, Leeds" } }),
      rules: [],
    },
    {
      name: "local authority styled differently",
      judge: judge({ localAuthority: "Leeds" }),
      nomination: nomination({ nominee: { localAuthority: "Leeds City Council" } }),
      rules: ["local_authority"],
    },
    {
      name: "neighbouring local authority",
      judge: judge({ localAuthority: "Bradford" }),
      nomination: nomination({ nominee: { localAuthority: "Leeds City Council" } }),
      rules: [],
    },
    {
      name: "judge's organisation is the nominated group itself",
      judge: judge({ organisations: ["Oxfam", "Kendal Welcome Circle"] }),
      nomination: nomination({ nominee: { type: "group", name: "Kendal Welcome Circle", email: null } }),
      rules: ["organisation"],
    },
    {
      name: "an individual nominee's name is not compared with organisations",
      judge: judge({ organisations: ["Kendal Welcome Circle"] }),
      nomination: nomination({ nominee: { type: "individual", name: "Kendal Welcome Circle", email: null } }),
      rules: [],
    },
    {
      name: "judge works at the council nominated as Local Authority of the Year",
      judge: judge({ organisations: ["Leeds City Council"] }),
      nomination: nomination({ nominee: { type: "council", name: "Leeds City Council", email: null } }),
      rules: ["organisation"],
    },
    {
      name: "judge works at the nominated council, styled differently",
      judge: judge({ organisations: ["Leeds Council"] }),
      nomination: nomination({ nominee: { type: "council", name: "Leeds City Council", email: null } }),
      rules: ["organisation"],
    },
    {
      name: "judge's local authority is the nominated council",
      judge: judge({ localAuthority: "Kirklees" }),
      nomination: nomination({ nominee: { type: "council", name: "Kirklees Council", email: null } }),
      rules: ["local_authority"],
    },
    {
      name: "judge at a charity in the nominated council's town is not the council",
      judge: judge({ organisations: ["Leeds Refugee Support"] }),
      nomination: nomination({ nominee: { type: "council", name: "Leeds City Council", email: null } }),
      rules: [],
    },
    {
      name: "judge is the nominee's guardian by email",
      judge: judge({ email: "parent@family.example" }),
      nomination: nomination({ nominee: { type: "individual", name: "Young Person", email: null }, guardian: { name: "A Parent", email: "Parent@Family.example" } }),
      rules: ["guardian"],
    },
    {
      name: "judge is the nominee's guardian by name",
      judge: judge({ name: "Mrs Ruth Okafor" }),
      nomination: nomination({ nominee: { type: "individual", name: "Young Person", email: null }, guardian: { name: "Ruth Okafor", email: null } }),
      rules: ["guardian"],
    },
    {
      name: "nothing in common, nominee without email or organisation",
      judge: judge({ organisations: ["Oxfam"], localAuthority: "Leeds" }),
      nomination: nomination({ nominee: { email: null, organisation: null, localAuthority: null } }),
      rules: [],
    },
  ])("$name", ({ judge, nomination, rules }) => {
    const found = detectConflicts([judge], [nomination], []);
    expect(found.map((s) => s.rule)).toEqual(rules);
    for (const s of found) {
      expect(s).toMatchObject({ judgeId: judge.judgeId, nominationId: nomination.nominationId });
      expect(s.evidence).not.toBe("");
    }
  });

  test("organisation evidence names both organisations", () => {
    const [suspicion] = detectConflicts(
      [judge({ organisations: ["St Mary's Church, Leeds"] })],
      [nomination({ nominee: { organisation: "St. Marys church" } })],
      [],
    );
    expect(suspicion.evidence).toBe(
      "Judge's organisation “St Mary's Church, Leeds” matches the nominee's organisation “St. Marys church”",
    );
  });

  test("local authority evidence names both", () => {
    const [suspicion] = detectConflicts(
      [judge({ localAuthority: "Leeds" })],
      [nomination({ nominee: { localAuthority: "Leeds City Council" } })],
      [],
    );
    expect(suspicion.evidence).toBe(
      "Judge's local authority “Leeds” matches the nominee's local authority “Leeds City Council”",
    );
  });
});

describe("detectConflicts: records and ordering", () => {
  const judges = [
    judge({ judgeId: 2, email: "b@hopewelcome.org", organisations: ["Hope Welcome Group"] }),
    judge({ judgeId: 1, email: "a@hopewelcome.org" }),
  ];
  const nominations = [
    nomination({ nominationId: 20, nominee: { organisation: "Hope Welcome Group" } }),
    nomination({ nominationId: 10 }),
  ];

  test("one suspicion per judge, nomination and rule, sorted by nomination, judge and rule", () => {
    const found = detectConflicts(judges, nominations, []);
    expect(found.map((s) => [s.nominationId, s.judgeId, s.rule])).toEqual([
      [10, 1, "same_domain"],
      [10, 2, "same_domain"],
      [20, 1, "same_domain"],
      [20, 2, "same_domain"],
      [20, 2, "organisation"],
    ]);
  });

  test("several matching organisations make one suspicion with all the evidence", () => {
    const found = detectConflicts(
      [judge({ organisations: ["Oxfam", "Oxfam GB"] })],
      [nomination({ nominee: { organisation: "Oxfam" }, nominator: { organisation: "OXFAM GB" } })],
      [],
    );
    expect(found).toHaveLength(1);
    expect(found[0].rule).toBe("organisation");
    expect(found[0].evidence.split("; ")).toHaveLength(4);
  });

  test("a pair with any existing record is never raised again, other pairs still are", () => {
    // Judge 1 / nomination 10 has a record (for example a pinned dismissal); nothing about it is raised.
    const found = detectConflicts(judges, nominations, [{ judgeId: 1, nominationId: 10 }]);
    expect(found.map((s) => [s.nominationId, s.judgeId])).toEqual([
      [10, 2],
      [20, 1],
      [20, 2],
      [20, 2],
    ]);
  });

  test("the result does not depend on input order", () => {
    expect(detectConflicts([...judges].reverse(), [...nominations].reverse(), [])).toEqual(
      detectConflicts(judges, nominations, []),
    );
  });

  test("no judges or no nominations: nothing to report", () => {
    expect(detectConflicts([], nominations, [])).toEqual([]);
    expect(detectConflicts(judges, [], [])).toEqual([]);
  });
});
