import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { blankSessionCookie, getSession, invalidateSession } from "~/utils/auth.server";

export async function loader() {
  return redirect("/");
}

/** Ends the session on the server, not only in the browser. */
export async function action({ request }: ActionFunctionArgs) {
  const session = await getSession(request);
  if (session) await invalidateSession(session.sessionId);
  return redirect("/", { headers: { "Set-Cookie": blankSessionCookie() } });
}
