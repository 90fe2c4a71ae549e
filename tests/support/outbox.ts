import { db, schema } from "~/utils/db.server";

/**
 * `count` winners' announcements waiting in the outbox, as a publication leaves them (one
 * row each, its own key), written in chunks. The words are short: delivery is under test.
 */
export async function queueAnnouncements(count: number, tag = "a"): Promise<string[]> {
  const keys: string[] = [];
  for (let start = 0; start < count; start += 500) {
    const rows = Array.from({ length: Math.min(500, count - start) }, (_, j) => {
      const i = start + j;
      const key = `csa-${tag}-${i}`;
      keys.push(key);
      return {
        idempotencyKey: key,
        template: "result-winner",
        to: `winner-${tag}-${i}@example.test`,
        subject: "Your nomination has won a Community Sponsorship Award",
        html: `<p>Congratulations, ${i}.</p>`,
        text: `Congratulations, ${i}.`,
      };
    });
    await db.insert(schema.emailOutbox).values(rows);
  }
  return keys;
}
