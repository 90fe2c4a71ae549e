/**
 * The demo campaign and a small MP directory of clearly fictional MPs (example.org
 * addresses, "ZZ" postcodes that exist nowhere), so the whole campaign journey works on a
 * machine with no internet and can never email a real MP.
 */
import type { Tx } from "./client";
import * as schema from "./schema";

export const DEMO_MPS = [
  { constituency: "Exampleton North", name: "Alex Placeholder", party: "Example Party", email: "alex.placeholder.mp@example.org" },
  { constituency: "Sampleford and Demoley", name: "Sam Specimen", party: "Sample Alliance", email: "sam.specimen.mp@example.org" },
  { constituency: "Testbridge", name: "Jordan Fictitious", party: "Independent", email: "jordan.fictitious.mp@example.org" },
];

/** Postcodes the demo knows without asking postcodes.io (the ZZ area is not a real one). */
export const DEMO_POSTCODES: Record<string, string> = {
  "ZZ1 1AA": "Exampleton North",
  "ZZ1 1AB": "Exampleton North",
  "ZZ2 1AA": "Sampleford and Demoley",
  "ZZ3 1AA": "Testbridge",
};

const key = (name: string) => name.toLowerCase().replace(/&/g, " and ").replace(/[^a-z0-9]+/g, " ").trim();

export async function seedDemoCampaign(tx: Tx, now: Date) {
  await tx
    .insert(schema.mpDirectory)
    .values(DEMO_MPS.map((mp) => ({ ...mp, key: key(mp.constituency), source: "seed" as const, refreshedAt: now })))
    .onConflictDoNothing();
  await tx
    .insert(schema.postcodeCache)
    .values(Object.entries(DEMO_POSTCODES).map(([postcode, constituency]) => ({ postcode, constituency, fetchedAt: now })))
    .onConflictDoNothing();
  await tx
    .insert(schema.campaigns)
    .values({
      slug: "protect-community-sponsorship",
      title: "Protect community sponsorship",
      summary:
        "Community sponsorship lets neighbours welcome a refugee family together. Ask your MP to champion it in Parliament and to meet the local people who make it work.",
      asks: [
        { title: "Meet a delegation of local leaders", body: "Meet faith, civic and community leaders from your constituency who support or want to start a sponsor group." },
        { title: "Champion community sponsorship", body: "Speak up for the scheme in Parliament and with ministers, and support a target for families welcomed each year." },
        { title: "Sign the commitment form", body: "Put your support in writing so local groups know they can count on you." },
      ],
      letterGuidance:
        "Be specific: say where you live and why community sponsorship matters to you.\n\nBe polite and firm: ask for a meeting with a delegation of local leaders, and for a clear commitment on the asks.\n\nUse your own words. MPs set aside identical letters, so we cannot send a copy of someone else's.",
      briefing:
        "Before the meeting, agree who will speak and for how long. Bring two or three local leaders: a faith leader, a councillor, a sponsor-group volunteer.\n\nTell one local story. Then make the asks, one at a time, and leave the commitment form for your MP to sign.\n\nAfterwards, thank your MP in writing, and tell us how it went.",
      signedFormsTo: "campaigns@example.org",
      opensAt: new Date(now.getTime() - 24 * 60 * 60 * 1000),
      closesAt: new Date(now.getTime() + 120 * 24 * 60 * 60 * 1000),
    })
    .onConflictDoNothing();
}
