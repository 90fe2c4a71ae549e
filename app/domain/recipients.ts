// Who hears about what happened to a nomination (its outcome at publication, the judges'
// feedback): one rule for every such email, so no path writes to a child or names a nominee
// to someone who did not name them.
import type { Language } from "./vocabulary";

export type Audience = "nominator" | "nominee" | "guardian";

/**
 * `named`: whether they may read the nominee's name as nominated (they gave it, or it is
 * theirs); the others read the public name. `language`: the language of the nomination that
 * concerns them. `name` is null where none was given (the email says "nominator" or
 * "parent or guardian" in its own language).
 */
export type Recipient = { to: string; name: string | null; audience: Audience; named: boolean; language: Language };

export type RecipientNomination = {
  nominatorName: string;
  nominatorEmail: string;
  confirmedAt: Date | null;
  nomineeName: string;
  nomineeEmail: string | null;
  nomineeKnows: boolean | null;
  nomineeIsUnder18: boolean | null;
  guardianName: string | null;
  guardianEmail: string | null;
  language?: Language;
  erasedAt?: Date | null;
};

/**
 * The nominator; the nominee when they know of the nomination and gave a contact, but never
 * a child: for an under-18 nominee (the category's rule, or the nominator's answer) their
 * parent or guardian instead; and the confirmed nominators of nominations merged into this
 * one, who read the public name. Each address once, the first role it has.
 */
export function outcomeRecipients(
  nomination: RecipientNomination,
  options: { under18Category: boolean; merged?: RecipientNomination[] },
): Recipient[] {
  const list: Recipient[] = [];
  const seen = new Set<string>();
  const language = nomination.language ?? "en";
  const add = (r: Recipient) => {
    const key = r.to.trim().toLowerCase();
    if (!key || seen.has(key)) return;
    seen.add(key);
    list.push(r);
  };
  add({ to: nomination.nominatorEmail, name: nomination.nominatorName || null, audience: "nominator", named: true, language });
  const child = options.under18Category || nomination.nomineeIsUnder18 === true;
  if (child) {
    if (nomination.guardianEmail) add({ to: nomination.guardianEmail, name: nomination.guardianName || null, audience: "guardian", named: true, language });
  } else if (nomination.nomineeEmail && nomination.nomineeKnows !== false) {
    add({ to: nomination.nomineeEmail, name: nomination.nomineeName || null, audience: "nominee", named: true, language });
  }
  for (const m of options.merged ?? []) {
    if (m.nominatorEmail && m.confirmedAt && !m.erasedAt) {
      add({ to: m.nominatorEmail, name: m.nominatorName || null, audience: "nominator", named: false, language: m.language ?? "en" });
    }
  }
  return list;
}
