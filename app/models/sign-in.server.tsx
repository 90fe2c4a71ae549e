/** Sign-in links by email: the token and its email are written in one transaction. */
import SignInLinkEmail from "#emails/sign-in-link";
import { createSignInToken, SIGN_IN_LINK_LIFETIME_MS } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { sendEmail } from "~/utils/email.server";

/**
 * Writes a sign-in token for the person and puts the email carrying its link in the outbox.
 * Returns the link (`/login/link?token=…&redirectTo=…` on `appUrl`).
 */
export async function emailSignInLink(person: { id: number; name: string; email: string }, appUrl: string, redirectTo: string): Promise<string> {
  const link = new URL("/login/link", appUrl);
  await db.transaction(async (tx) => {
    const { token } = await createSignInToken(tx, person.id, "sign_in");
    link.searchParams.set("token", token);
    if (redirectTo) link.searchParams.set("redirectTo", redirectTo);
    await sendEmail(tx, {
      to: person.email,
      subject: "Your sign-in link for the Community Sponsorship Awards",
      template: "sign-in-link",
      react: <SignInLinkEmail name={person.name} url={link.href} minutes={SIGN_IN_LINK_LIFETIME_MS / 60_000} />,
      meta: { personId: person.id },
    });
  });
  return link.href;
}
