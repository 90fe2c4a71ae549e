/**
 * Automatic conflict-of-interest detection. It only raises suspicions for an
 * administrator to confirm or dismiss; it never touches a pair that already has
 * a conflict record of any kind, so a pinned dismissal is never raised again.
 */

export type ConflictRule =
  | "same_email"
  | "same_domain"
  | "organisation"
  | "local_authority"
  | "judge_nominated"
  | "judge_nominated_as_nominee"
  | "guardian";
export type JudgeProfile = {
  judgeId: number;
  name: string;
  email: string;
  organisations: string[];
  localAuthority: string | null;
};
export type NominationParties = {
  nominationId: number;
  nominee: {
    name: string;
    email: string | null;
    organisation: string | null;
    localAuthority: string | null;
    /** A group or a council is itself an organisation: its name is compared like one. */
    type?: string | null;
  };
  nominator: { name: string; email: string; organisation: string | null };
  /** An under-18 nominee's parent or guardian, when one is given. */
  guardian?: { name: string | null; email: string | null } | null;
};

/** Nominee types whose name is the name of a body (a sponsor group, a council), not of a person. */
export const ORGANISATION_NOMINEE_TYPES: ReadonlySet<string> = new Set(["group", "council"]);
export type Suspicion = { judgeId: number; nominationId: number; rule: ConflictRule; evidence: string };
export type ExistingConflict = { judgeId: number; nominationId: number };

// Output order within one (judge, nomination) pair: strongest evidence first.
const RULE_ORDER: readonly ConflictRule[] = [
  "judge_nominated",
  "judge_nominated_as_nominee",
  "guardian",
  "same_email",
  "same_domain",
  "organisation",
  "local_authority",
];

/** Shared personal mail providers: two people on gmail.com have nothing in common. */
export const WEBMAIL_DOMAINS: ReadonlySet<string> = new Set([
  "gmail.com", "googlemail.com",
  "hotmail.com", "hotmail.co.uk", "outlook.com", "outlook.co.uk", "live.com", "live.co.uk", "msn.com",
  "yahoo.com", "yahoo.co.uk", "ymail.com", "rocketmail.com",
  "icloud.com", "me.com", "mac.com",
  "aol.com", "aol.co.uk", "aim.com",
  "protonmail.com", "protonmail.ch", "proton.me", "pm.me",
  "btinternet.com", "btopenworld.com", "sky.com", "virginmedia.com", "blueyonder.co.uk", "ntlworld.com",
  "talktalk.net", "tiscali.co.uk", "plus.com", "mail.com", "email.com",
  "gmx.com", "gmx.co.uk", "gmx.net", "zoho.com", "zohomail.eu", "fastmail.com", "fastmail.fm",
  "tutanota.com", "tuta.io", "hushmail.com", "yandex.com", "inbox.com",
]);

/** The lower-cased domain of an address, or null when it is not an address. */
export function emailDomain(email: string): string | null {
  const address = normaliseEmail(email);
  const at = address.lastIndexOf("@");
  if (at <= 0) return null;
  const domain = address.slice(at + 1).replace(/\.$/, "");
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(domain) ? domain : null;
}

function normaliseEmail(email: string | null | undefined): string {
  return (email ?? "").trim().toLowerCase();
}

// Words that say what kind of body it is rather than which one; sharing only these proves nothing.
const GENERIC_WORDS = new Set([
  "saint", "church", "chapel", "parish", "cathedral", "mosque", "synagogue", "temple", "gurdwara", "diocese",
  "council", "city", "borough", "county", "district", "metropolitan", "town", "village",
  "community", "group", "association", "society", "trust", "foundation", "charity", "network", "project",
  "partnership", "centre", "center", "club", "committee", "team", "organisation", "organization",
  "refugee", "refugees", "sponsorship", "welcome",
]);
// Qualifiers that may be missing from one side without making it a different body ("Oxfam GB").
const QUALIFIER_WORDS = new Set(["uk", "gb", "england", "scotland", "wales", "cymru", "britain", "branch"]);
// Legal forms, dropped outright: "Leeds Welcome CIC" is "Leeds Welcome".
const LEGAL_FORMS = new Set(["ltd", "limited", "cic", "cio", "scio", "plc", "llp", "inc", "incorporated"]);
const STOP_WORDS = new Set(["the", "of", "and", "for", "in", "at", "a", "an", "on", "to"]);
const TITLES = new Set(["mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "rev", "revd", "reverend", "sir", "dame", "lord", "lady", "cllr", "councillor"]);

function foldText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/['’‘`ʼ]/g, "") // "Mary's" and "Marys" are the same word
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

function organisationTokens(text: string): string[] {
  return foldText(text)
    .split(" ")
    .filter(Boolean)
    .map((word) => (word === "st" || word === "saint" ? "saint" : word))
    .filter((word) => !STOP_WORDS.has(word) && !LEGAL_FORMS.has(word));
}

/** Lower-case words with accents, punctuation, stop words and legal forms removed, and "St" spelt "saint". */
export function normaliseOrganisation(name: string): string {
  return organisationTokens(name).join(" ");
}

type Token = { stem: string; generic: boolean; qualifier: boolean };

function tokenise(name: string): Token[] {
  // Words after the first comma are a location or other qualifier ("St Mary's Church, Leeds").
  const [core, ...rest] = name.split(",");
  const tokens: Token[] = [];
  const seen = new Set<string>();
  const push = (word: string, afterComma: boolean) => {
    const stem = stemWord(word);
    if (seen.has(stem)) return;
    seen.add(stem);
    tokens.push({
      stem,
      generic: GENERIC_WORDS.has(word) || GENERIC_WORDS.has(stem),
      qualifier: afterComma || QUALIFIER_WORDS.has(word),
    });
  };
  for (const word of organisationTokens(core)) push(word, false);
  for (const word of organisationTokens(rest.join(" "))) push(word, true);
  return tokens;
}

// Drop a plural or possessive "s" so "Marys"/"Mary" and "Refugees"/"Refugee" agree.
function stemWord(word: string): string {
  return word.length > 3 && word.endsWith("s") && !word.endsWith("ss") ? word.slice(0, -1) : word;
}

// Typos only count in longer words: "Joan"/"John" or "Leeds"/"Leek" are different names.
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const shorter = Math.min(a.length, b.length);
  if (shorter < 6) return false;
  return editDistance(a, b, 1) <= 1;
}

/** Optimal string alignment distance, giving up early once it exceeds `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prevPrev = new Array<number>(b.length + 1).fill(0);
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prevPrev[j - 2] + 1);
      cur[j] = d;
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > limit) return limit + 1;
    prevPrev = prev;
    prev = cur;
  }
  return prev[b.length];
}

/** Pairs tokens of a with tokens of b: exact stems first, then typos. Returns which were matched. */
function alignTokens(a: Token[], b: Token[]): { matchedA: boolean[]; matchedB: boolean[] } {
  const matchedA = a.map(() => false);
  const matchedB = b.map(() => false);
  for (const exact of [true, false]) {
    a.forEach((ta, i) => {
      if (matchedA[i]) return;
      const j = b.findIndex((tb, j) => !matchedB[j] && (exact ? ta.stem === tb.stem : sameWord(ta.stem, tb.stem)));
      if (j >= 0) {
        matchedA[i] = true;
        matchedB[j] = true;
      }
    });
  }
  return { matchedA, matchedB };
}

const SIMILARITY_THRESHOLD = 0.85;

/**
 * Whether two organisation names plausibly mean the same body. They must share
 * at least one distinctive word, and then either have the same words, or one's
 * words all appear in the other (if the shorter name has only one or two words,
 * the longer may add only qualifiers such as a place after a comma), or their
 * word overlap (Dice) is at least 0.85.
 */
export function organisationsMatch(a: string, b: string): boolean {
  return tokensMatch(tokenise(a), tokenise(b));
}

function tokensMatch(ta: Token[], tb: Token[]): boolean {
  if (ta.length === 0 || tb.length === 0) return false;
  const { matchedA, matchedB } = alignTokens(ta, tb);
  const shared = matchedA.filter(Boolean).length;
  if (!ta.some((t, i) => matchedA[i] && !t.generic)) return false;

  const extraA = ta.filter((_, i) => !matchedA[i]);
  const extraB = tb.filter((_, j) => !matchedB[j]);
  if (extraA.length === 0 && extraB.length === 0) return true;
  const contained = (shorter: Token[], extra: Token[]) =>
    shorter.length >= 3 || extra.every((t) => t.qualifier);
  if (extraA.length === 0 && contained(ta, extraB)) return true;
  if (extraB.length === 0 && contained(tb, extraA)) return true;
  return (2 * shared) / (ta.length + tb.length) >= SIMILARITY_THRESHOLD;
}

// Words that name the kind of authority, not the place: "Leeds City Council" is "Leeds".
const AUTHORITY_WORDS = new Set([
  "council", "city", "borough", "county", "district", "metropolitan", "royal", "unitary", "authority", "corporation",
]);

function authorityTokens(name: string): string[] {
  const words = organisationTokens(name);
  // "London Borough of Camden" is Camden, but "City of London" is London.
  return words
    .filter((word, i) => !AUTHORITY_WORDS.has(word) && !(word === "london" && words[i + 1] === "borough"))
    .map(stemWord);
}

/** Same local authority, ignoring how it is styled ("Leeds City Council" and "Leeds"). */
export function localAuthoritiesMatch(a: string, b: string): boolean {
  return placesMatch(authorityTokens(a), authorityTokens(b));
}

function placesMatch(ta: string[], tb: string[]): boolean {
  if (ta.length === 0 || ta.length !== tb.length) return false;
  const used = tb.map(() => false);
  return ta.every((word) => {
    const j = tb.findIndex((other, j) => !used[j] && (other === word || sameWord(other, word)));
    if (j >= 0) used[j] = true;
    return j >= 0;
  });
}

function normaliseName(name: string): string {
  const words = foldText(name).split(" ").filter(Boolean);
  while (words.length > 1 && TITLES.has(words[0])) words.shift();
  return words.join(" ");
}

function memoise<T>(compute: (text: string) => T): (text: string) => T {
  const seen = new Map<string, T>();
  return (text) => {
    if (!seen.has(text)) seen.set(text, compute(text));
    return seen.get(text)!;
  };
}

function memoisePair(compare: (a: string, b: string) => boolean): (a: string, b: string) => boolean {
  const seen = new Map<string, boolean>();
  return (a, b) => {
    const key = `${a}\u0000${b}`;
    let result = seen.get(key);
    if (result === undefined) seen.set(key, (result = compare(a, b)));
    return result;
  };
}

const quote = (text: string) => `“${text.trim()}”`;

export function detectConflicts(
  judges: JudgeProfile[],
  nominations: NominationParties[],
  existing: ExistingConflict[],
): Suspicion[] {
  const recorded = new Set(existing.map((c) => `${c.judgeId}:${c.nominationId}`));
  // The same few organisation and place names recur across thousands of pairs; compare each pair of names once.
  const organisationWords = memoise(tokenise);
  const placeWords = memoise(authorityTokens);
  const sameOrganisation = memoisePair((a, b) => tokensMatch(organisationWords(a), organisationWords(b)));
  const samePlace = memoisePair((a, b) => placesMatch(placeWords(a), placeWords(b)));
  const found = new Map<string, Suspicion>();
  const raise = (judgeId: number, nominationId: number, rule: ConflictRule, evidence: string) => {
    const key = `${judgeId}:${nominationId}:${rule}`;
    const previous = found.get(key);
    // One suspicion per rule; further evidence for the same rule is appended.
    if (previous) {
      if (!previous.evidence.includes(evidence)) previous.evidence += `; ${evidence}`;
    } else {
      found.set(key, { judgeId, nominationId, rule, evidence });
    }
  };

  // Normalise each party once, not once per judge.
  const parties = nominations.map(({ nominationId, nominee, nominator, guardian }) => ({
    nominationId,
    nominee,
    nominator,
    guardian,
    nomineeEmail: normaliseEmail(nominee.email),
    nomineeDomain: nominee.email ? emailDomain(nominee.email) : null,
    nomineeName: normaliseName(nominee.name),
    nominatorEmail: normaliseEmail(nominator.email),
    nominatorDomain: emailDomain(nominator.email),
    nominatorName: normaliseName(nominator.name),
  }));

  for (const judge of judges) {
    const judgeEmail = normaliseEmail(judge.email);
    const judgeDomain = emailDomain(judge.email);
    const judgeName = normaliseName(judge.name);
    const judgeOrganisations = judge.organisations.filter((o) => normaliseOrganisation(o) !== "");

    for (const party of parties) {
      const { nominationId, nominee, nominator, nomineeEmail, nominatorEmail, nomineeDomain, nominatorDomain } = party;
      if (recorded.has(`${judge.judgeId}:${nominationId}`)) continue;
      const raiseHere = (rule: ConflictRule, evidence: string) => raise(judge.judgeId, nominationId, rule, evidence);
      const sameNominatorEmail = judgeEmail !== "" && judgeEmail === nominatorEmail;
      const sameNomineeEmail = judgeEmail !== "" && judgeEmail === nomineeEmail;

      if (sameNominatorEmail) {
        raiseHere("same_email", `Judge's email ${judgeEmail} is the nominator's email`);
        raiseHere("judge_nominated", `The nominator's email ${judgeEmail} is the judge's email`);
      } else if (judgeName !== "" && judgeName === party.nominatorName && judgeDomain !== null && judgeDomain === nominatorDomain) {
        raiseHere(
          "judge_nominated",
          `The nominator ${quote(nominator.name)} has the judge's name and the same email domain ${judgeDomain}`,
        );
      }
      if (sameNomineeEmail) {
        raiseHere("same_email", `Judge's email ${judgeEmail} is the nominee's email`);
        raiseHere("judge_nominated_as_nominee", `The nominee's email ${judgeEmail} is the judge's email`);
      }
      if (judgeName !== "" && judgeName === party.nomineeName) {
        raiseHere("judge_nominated_as_nominee", `The nominee ${quote(nominee.name)} has the judge's name ${quote(judge.name)}`);
      }

      const guardian = party.guardian;
      if (guardian) {
        const guardianEmail = normaliseEmail(guardian.email);
        if (judgeEmail !== "" && judgeEmail === guardianEmail) {
          raiseHere("guardian", `The nominee's parent or guardian's email ${judgeEmail} is the judge's email`);
        } else if (judgeName !== "" && guardian.name && judgeName === normaliseName(guardian.name)) {
          raiseHere("guardian", `The nominee's parent or guardian ${quote(guardian.name)} has the judge's name`);
        }
      }

      if (judgeDomain !== null && !WEBMAIL_DOMAINS.has(judgeDomain)) {
        // An identical address is already reported as same_email; the domain adds nothing.
        if (!sameNominatorEmail && judgeDomain === nominatorDomain) {
          raiseHere("same_domain", `Judge's email domain ${judgeDomain} is also the nominator's (${nominatorEmail})`);
        }
        if (!sameNomineeEmail && judgeDomain === nomineeDomain) {
          raiseHere("same_domain", `Judge's email domain ${judgeDomain} is also the nominee's (${nomineeEmail})`);
        }
      }

      const nomineeIsBody = Boolean(nominee.type && ORGANISATION_NOMINEE_TYPES.has(nominee.type));
      for (const organisation of judgeOrganisations) {
        for (const [what, theirs] of [
          ["the nominee's organisation", nominee.organisation],
          ["the nominator's organisation", nominator.organisation],
          // The nominee of "Group of the Year" or "Local Authority of the Year" is an organisation itself.
          [nominee.type === "council" ? "the nominated council" : "the nominated group", nomineeIsBody ? nominee.name : null],
        ] as const) {
          if (theirs && sameOrganisation(organisation, theirs)) {
            raiseHere("organisation", `Judge's organisation ${quote(organisation)} matches ${what} ${quote(theirs)}`);
          }
        }
        // A judge who works at a council is conflicted on that council's nomination.
        if (nominee.type === "council" && !sameOrganisation(organisation, nominee.name) && samePlace(organisation, nominee.name)) {
          raiseHere("organisation", `Judge's organisation ${quote(organisation)} is the nominated council ${quote(nominee.name)}`);
        }
      }

      if (judge.localAuthority) {
        for (const [what, theirs] of [
          ["the nominee's local authority", nominee.localAuthority],
          ["the nominated council", nominee.type === "council" ? nominee.name : null],
        ] as const) {
          if (theirs && samePlace(judge.localAuthority, theirs)) {
            raiseHere("local_authority", `Judge's local authority ${quote(judge.localAuthority)} matches ${what} ${quote(theirs)}`);
          }
        }
      }
    }
  }

  return [...found.values()].sort(
    (a, b) =>
      a.nominationId - b.nominationId ||
      a.judgeId - b.judgeId ||
      RULE_ORDER.indexOf(a.rule) - RULE_ORDER.indexOf(b.rule),
  );
}
