/**
 * The demo cycle for a fresh database: this year, nominations open, the seven categories
 * of past ceremonies with questions and a rubric, one demo admin and three demo judges.
 */
import { sql } from "drizzle-orm";
import { seedDemoCampaign } from "./campaign-seed";
import type { Db } from "./client";
import * as schema from "./schema";
import type { NomineeType } from "./schema";

/** Each category in English and Welsh (the Welsh a draft until a Welsh speaker checks it). */
type CategorySeed = {
  slug: string;
  name: string;
  nameCy: string;
  description: string;
  descriptionCy: string;
  eligibility: string;
  eligibilityCy: string;
  nomineeTypes: NomineeType[];
  selfNominationAllowed?: boolean;
  nomineeUnder18?: boolean;
  sponsor?: string;
  sponsorCy?: string;
  questions: Array<{ label: string; labelCy: string; help: string; helpCy: string; wordLimit: number; required?: boolean }>;
};

const IMPACT = {
  label: "What difference have they made?",
  labelCy: "Pa wahaniaeth maen nhw wedi'i wneud?",
  help: "Tell us about the family or families they have welcomed and what changed for them.",
  helpCy: "Dywedwch wrthym am y teulu neu'r teuluoedd y maen nhw wedi'u croesawu a beth newidiodd iddyn nhw.",
  wordLimit: 400,
};
const HOW = {
  label: "How did they do it?",
  labelCy: "Sut gwnaethon nhw hynny?",
  help: "Describe what they did, week by week if it helps. Examples are more useful than adjectives.",
  helpCy: "Disgrifiwch beth wnaethon nhw, wythnos wrth wythnos os yw hynny'n help. Mae enghreifftiau'n fwy defnyddiol nag ansoddeiriau.",
  wordLimit: 300,
};
const WHY_NOW = {
  label: "Why should they win this year?",
  labelCy: "Pam y dylen nhw ennill eleni?",
  help: "What makes this year's work stand out?",
  helpCy: "Beth sy'n gwneud i waith eleni sefyll allan?",
  wordLimit: 200,
};

export const DEMO_CATEGORIES: CategorySeed[] = [
  {
    slug: "group-of-the-year",
    name: "Group of the Year",
    nameCy: "Grŵp y Flwyddyn",
    description: "The flagship award, for a community sponsorship group whose welcome has changed lives.",
    descriptionCy: "Y brif wobr, ar gyfer grŵp nawdd cymunedol y mae ei groeso wedi newid bywydau.",
    eligibility: "A sponsor group that has supported a resettled family in the UK.",
    eligibilityCy: "Grŵp noddi sydd wedi cefnogi teulu sydd wedi'i ailsefydlu yn y DU.",
    nomineeTypes: ["group"],
    questions: [IMPACT, HOW, WHY_NOW],
  },
  {
    slug: "new-group-of-the-year",
    name: "New Group of the Year",
    nameCy: "Grŵp Newydd y Flwyddyn",
    description: "For a group that welcomed its first family in the last 12 months.",
    descriptionCy: "Ar gyfer grŵp a groesawodd ei deulu cyntaf yn ystod y 12 mis diwethaf.",
    eligibility: "A sponsor group whose first family arrived in the last 12 months.",
    eligibilityCy: "Grŵp noddi y cyrhaeddodd ei deulu cyntaf yn ystod y 12 mis diwethaf.",
    nomineeTypes: ["group"],
    questions: [IMPACT, {
        label: "What did they learn in their first year?",
        labelCy: "Beth ddysgon nhw yn eu blwyddyn gyntaf?",
        help: "Setbacks count too.",
        helpCy: "Mae rhwystrau'n cyfrif hefyd.",
        wordLimit: 300,
      }],
  },
  {
    slug: "volunteer-of-the-year",
    name: "Volunteer of the Year",
    nameCy: "Gwirfoddolwr y Flwyddyn",
    description: "For an individual volunteer who has gone above and beyond. Joint winners are possible.",
    descriptionCy: "Ar gyfer gwirfoddolwr unigol sydd wedi mynd y tu hwnt i'r disgwyl. Mae'n bosibl cael enillwyr ar y cyd.",
    eligibility: "A volunteer with a community sponsorship group in the UK.",
    eligibilityCy: "Gwirfoddolwr gyda grŵp nawdd cymunedol yn y DU.",
    nomineeTypes: ["individual"],
    questions: [IMPACT, HOW],
  },
  {
    slug: "young-champion",
    name: "Young Champion",
    nameCy: "Hyrwyddwr Ifanc",
    description: "For a young person under 18 who has made a family feel at home.",
    descriptionCy: "Ar gyfer person ifanc o dan 18 oed sydd wedi gwneud i deulu deimlo'n gartrefol.",
    eligibility: "Under 18 on the closing date. A parent or guardian's contact and consent are required.",
    eligibilityCy: "O dan 18 oed ar y dyddiad cau. Mae angen manylion cyswllt a chaniatâd rhiant neu warcheidwad.",
    nomineeTypes: ["individual"],
    nomineeUnder18: true,
    questions: [IMPACT, {
        label: "What would you like the judges to know about them?",
        labelCy: "Beth hoffech chi i'r beirniaid ei wybod amdanyn nhw?",
        help: "",
        helpCy: "",
        wordLimit: 200,
        required: false,
      }],
  },
  {
    slug: "champion-of-the-year",
    name: "Champion of the Year",
    nameCy: "Hyrwyddwr y Flwyddyn",
    description: "For an advocate, journalist or public figure who has championed community sponsorship.",
    descriptionCy: "Ar gyfer eiriolwr, newyddiadurwr neu ffigur cyhoeddus sydd wedi hyrwyddo nawdd cymunedol.",
    eligibility: "Anyone who has raised the profile of community sponsorship in the UK.",
    eligibilityCy: "Unrhyw un sydd wedi codi proffil nawdd cymunedol yn y DU.",
    nomineeTypes: ["individual"],
    sponsor: "Supported by Reset Communities and Refugees",
    sponsorCy: "Gyda chefnogaeth Reset Communities and Refugees",
    questions: [{
        label: "How have they championed community sponsorship?",
        labelCy: "Sut maen nhw wedi hyrwyddo nawdd cymunedol?",
        help: "",
        helpCy: "",
        wordLimit: 400,
      }, WHY_NOW],
  },
  {
    slug: "local-authority-of-the-year",
    name: "Local Authority of the Year",
    nameCy: "Awdurdod Lleol y Flwyddyn",
    description: "For a council that has made community sponsorship work in its area.",
    descriptionCy: "Ar gyfer cyngor sydd wedi gwneud i nawdd cymunedol weithio yn ei ardal.",
    eligibility: "A UK local authority.",
    eligibilityCy: "Awdurdod lleol yn y DU.",
    nomineeTypes: ["council"],
    questions: [{
        label: "How has the council supported sponsor groups?",
        labelCy: "Sut mae'r cyngor wedi cefnogi grwpiau noddi?",
        help: "",
        helpCy: "",
        wordLimit: 400,
      }, IMPACT],
  },
  {
    slug: "international-award",
    name: "International Award",
    nameCy: "Gwobr Ryngwladol",
    description: "For a group or person outside the UK who has advanced community sponsorship.",
    descriptionCy: "Ar gyfer grŵp neu unigolyn y tu allan i'r DU sydd wedi hybu nawdd cymunedol.",
    eligibility: "A group or person based outside the UK.",
    eligibilityCy: "Grŵp neu unigolyn sydd wedi'i leoli y tu allan i'r DU.",
    nomineeTypes: ["group", "individual", "international"],
    selfNominationAllowed: true,
    questions: [IMPACT, WHY_NOW],
  },
];

export const DEMO_RUBRIC = [
  { name: "Impact", guidance: "The difference made to the family's life and independence.", weight: 3 },
  { name: "Commitment", guidance: "Sustained effort over time, beyond what was expected.", weight: 2 },
  { name: "Community", guidance: "How widely the local community was involved and changed.", weight: 2 },
  { name: "Inspiration", guidance: "Whether others could learn from and copy this example.", weight: 1 },
];

export const DEMO_SCALE = [
  { value: 1, description: "Little evidence" },
  { value: 2, description: "Some evidence, with gaps" },
  { value: 3, description: "Solid evidence" },
  { value: 4, description: "Strong evidence with clear examples" },
  { value: 5, description: "Exceptional: among the best we have seen" },
];

export const DEMO_PEOPLE = [
  { email: "admin@example.org", name: "Demo Administrator", isAdmin: true, isJudge: false },
  { email: "judge1@example.org", name: "Amira Haddad", isAdmin: false, isJudge: true },
  { email: "judge2@example.org", name: "Tom Price", isAdmin: false, isJudge: true },
  { email: "judge3@example.org", name: "Grace Okafor", isAdmin: false, isJudge: true },
];

const DAY = 24 * 60 * 60 * 1000;

/** The day `days` from `now`, at a round UTC hour, so the demo's deadlines read like real ones. */
function dayAt(now: Date, days: number, hourUtc: number): Date {
  const d = new Date(now.getTime() + days * DAY);
  d.setUTCHours(hourUtc, 0, 0, 0);
  return d;
}

/** Seeds the demo cycle when the database holds no cycle yet. Returns whether it did. */
export async function seedDemoIfEmpty(db: Db, now = new Date()): Promise<boolean> {
  return db.transaction(async (tx) => {
    // Two servers starting together must not both seed.
    await tx.execute(sql`select pg_advisory_xact_lock(727272)`);
    const existing = await tx.select({ id: schema.cycles.id }).from(schema.cycles).limit(1);
    if (existing.length > 0) return false;

    const year = now.getUTCFullYear();
    const [cycle] = await tx
      .insert(schema.cycles)
      .values({
        year,
        name: `Community Sponsorship Awards ${year}`,
        nameCy: `Gwobrau Nawdd Cymunedol ${year}`,
        phase: "nominations_open",
        nominationsOpenAt: dayAt(now, -7, 9),
        nominationsCloseAt: dayAt(now, 60, 17),
        judgingOpenAt: dayAt(now, 61, 9),
        judgingCloseAt: dayAt(now, 90, 17),
        // Publication times are set by an admin once the shortlist and winners are decided.
      })
      .returning();

    for (const [position, c] of DEMO_CATEGORIES.entries()) {
      const [category] = await tx
        .insert(schema.categories)
        .values({
          cycleId: cycle.id,
          slug: c.slug,
          name: c.name,
          nameCy: c.nameCy,
          description: c.description,
          descriptionCy: c.descriptionCy,
          eligibility: c.eligibility,
          eligibilityCy: c.eligibilityCy,
          nomineeTypes: c.nomineeTypes,
          selfNominationAllowed: c.selfNominationAllowed ?? false,
          nomineeUnder18: c.nomineeUnder18 ?? false,
          sponsor: c.sponsor ?? null,
          sponsorCy: c.sponsorCy ?? null,
          position,
        })
        .returning();
      await tx.insert(schema.questions).values(
        c.questions.map((q, i) => ({ categoryId: category.id, ...q, required: q.required ?? true, position: i })),
      );
      await tx.insert(schema.criteria).values(DEMO_RUBRIC.map((r, i) => ({ categoryId: category.id, ...r, position: i })));
      await tx.insert(schema.scaleAnchors).values(DEMO_SCALE.map((s) => ({ categoryId: category.id, ...s })));
      await tx.insert(schema.panels).values({ categoryId: category.id });
    }

    for (const person of DEMO_PEOPLE) {
      await tx.insert(schema.people).values(person).onConflictDoNothing();
    }
    await seedDemoCampaign(tx, now);
    await tx.insert(schema.auditLog).values({
      actorLabel: "system",
      action: "cycle.seeded",
      entityType: "cycle",
      entityId: String(cycle.id),
      after: { year, categories: DEMO_CATEGORIES.length },
    });
    return true;
  });
}
