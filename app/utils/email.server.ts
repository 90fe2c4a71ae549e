/**
 * The one mail path: `sendEmail` renders a react-email template and writes it to the
 * outbox inside the caller's transaction. Delivery happens later (mailer.server.ts), so
 * an email exists if and only if the change that caused it was committed.
 */
import { render, toPlainText } from "@react-email/render";
import type { ReactElement } from "react";
import { schema, type Tx } from "./db.server";
import { generateToken } from "./tokens.server";

export type EmailMessage = {
  to: string;
  /** Where replies go, when not to the sender (a campaign letter: its writer). */
  replyTo?: string;
  subject: string;
  react: ReactElement;
  /** The template's name, for the outbox listing and for tests. */
  template: string;
  /** What the email is about, e.g. { nominationIds: [3] }, so conflicted readers never get it. */
  meta?: Record<string, unknown>;
};

export async function sendEmail(tx: Tx, message: EmailMessage) {
  // One render: the plain-text part is made from the HTML (as render's plainText option does).
  const html = await render(message.react);
  const text = toPlainText(html);
  const [row] = await tx
    .insert(schema.emailOutbox)
    .values({
      idempotencyKey: `csa-${generateToken(16)}`,
      template: message.template,
      to: message.to,
      replyTo: message.replyTo ?? null,
      subject: message.subject,
      html,
      text,
      meta: message.meta ?? {},
    })
    .returning({ id: schema.emailOutbox.id });
  return row.id;
}
