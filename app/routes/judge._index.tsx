import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { eq } from "drizzle-orm";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { requireJudge } from "~/utils/auth.server";
import { db, schema } from "~/utils/db.server";

export const meta: MetaFunction = () => [{ title: "Judging – Community Sponsorship Awards" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const judge = await requireJudge(request);
  const panels = await db
    .select({ category: schema.categories.name, isChair: schema.panelMembers.isChair })
    .from(schema.panelMembers)
    .innerJoin(schema.panels, eq(schema.panels.id, schema.panelMembers.panelId))
    .innerJoin(schema.categories, eq(schema.categories.id, schema.panels.categoryId))
    .where(eq(schema.panelMembers.personId, judge.id));
  return { name: judge.name, panels };
}

export default function JudgeHome() {
  const { name, panels } = useLoaderData<typeof loader>();
  return (
    <div className="prose">
      <p className="caption">Judging</p>
      <h1>Welcome, {name}</h1>
      {panels.length === 0 ? (
        <p>You are not on a judging panel yet. The awards team will email you when you are.</p>
      ) : (
        <>
          <h2>Your panels</h2>
          <ul>
            {panels.map((panel) => (
              <li key={panel.category}>
                {panel.category}
                {panel.isChair ? " (chair)" : ""}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
