/**
 * The one confirmation step of a change that cannot be undone by a click: a form of hidden
 * fields with `confirm=yes`, the button that does it, and a way back. It works without
 * JavaScript; the action checks `confirm` with its schema.
 */
import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";

export function ConfirmAction({ fields, children, cancelTo }: { fields: Record<string, string>; children: ReactNode; cancelTo: string }) {
  return (
    <Form method="post">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <input type="hidden" name="confirm" value="yes" />
      <button type="submit" className="button">
        {children}
      </button>
      <Link to={cancelTo} className="button button--secondary">
        Cancel
      </Link>
    </Form>
  );
}
