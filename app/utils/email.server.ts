/**
 * The one mail path: `sendEmail` writes a react-email template to the outbox inside the
 * caller's transaction. Delivery happens later (mailer.server.ts), so an email exists if and
 * only if the change that caused it was committed.
 *
 * Rendering takes milliseconds of CPU, so a busy write renders before its transaction opens
 * (`renderEmail`) and hands the result to `sendEmail`, which then only inserts the row: a
 * transaction holds its locks (and, on PGlite, the one connection) for its writes alone.
 */
import { plainTextSelectors, render } from "@react-email/render";
import { compile } from "html-to-text";
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

export type RenderedEmail = { html: string; text: string };

// react-email's toPlainText, compiled once: html-to-text builds its converter from the
// options on every call otherwise, which costs several times the conversion itself. The
// options are toPlainText's own, so the text is the same.
const toPlainText = compile({ wordwrap: false, selectors: [...plainTextSelectors] });

/** The email's HTML, and its plain-text part made from the HTML (as render's plainText option does). */
export async function renderEmail(react: ReactElement): Promise<RenderedEmail> {
  const html = await render(react);
  return { html, text: toPlainText(html) };
}

/** Writes the email to the outbox; `rendered` is its rendering made beforehand, from the same element. */
export async function sendEmail(tx: Tx, message: EmailMessage | (Omit<EmailMessage, "react"> & { rendered: RenderedEmail })) {
  const { html, text } = "rendered" in message ? message.rendered : await renderEmail(message.react);
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
