/**
 * The two pages an emailed confirmation link opens (a nomination, a letter, a vote): one button
 * that does what the link promised, or the news that the link no longer works.
 */
import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";

/** Opening the link shows this; only pressing the button acts (decision 003). The link's secrets go back as hidden fields. */
export function ConfirmByButton({ heading, children, secrets, button }: { heading: ReactNode; children: ReactNode; secrets: Record<string, string>; button: string }) {
  return (
    <div className="prose narrow">
      <h1>{heading}</h1>
      <p>{children}</p>
      <Form method="post">
        {Object.entries(secrets).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <button type="submit" className="button">
          {button}
        </button>
      </Form>
    </div>
  );
}

/** A link that has expired, was used up, or was copied wrong: what happened, and where to go instead. */
export function BrokenLink({ heading, children, to, linkText }: { heading: string; children: ReactNode; to?: string; linkText?: string }) {
  return (
    <div className="prose">
      <h1>{heading}</h1>
      <p>{children}</p>
      {to && linkText ? (
        <p>
          <Link to={to}>{linkText}</Link>
        </p>
      ) : null}
    </div>
  );
}
