import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Notice, withNotice } from "~/components/admin";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, ErrorSummary } from "~/components/forms";
import { getCategory } from "~/models/category-setup.server";
import { addPanelMember, getPanelForCategory, judgesNotOnPanel, listPanelMembers, removePanelMember, setPanelChair } from "~/models/people-admin.server";
import { requireAdmin } from "~/utils/auth.server";
import { invariantResponse, notFound } from "~/utils/responses.server";
import { MAX_ID, parseId } from "~/domain/ids";

const ChangeSchema = z.object({
  intent: z.enum(["add", "remove", "chair"]),
  personId: z.coerce.number({ error: "Choose a judge to add" }).int().max(MAX_ID).positive("Choose a judge to add"),
});

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Panel: ${data?.category.name ?? ""} – Administration – Community Sponsorship Awards` }];

async function load(params: { categoryId?: string }) {
  const category = await getCategory(parseId(params.categoryId) ?? 0);
  if (!category) notFound("There is no such category.");
  const panel = await getPanelForCategory(category.id);
  return { category, panel };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const { category, panel } = await load(params);
  const [members, candidates] = await Promise.all([listPanelMembers(panel.id), judgesNotOnPanel(panel.id)]);
  return { category: { id: category.id, name: category.name }, members: members.map((m) => ({ ...m, accepted: Boolean(m.confidentialityAcceptedAt) })), candidates };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireAdmin(request);
  const { category, panel } = await load(params);
  const parsed = ChangeSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ error: parsed.error.issues.find((i) => i.path[0] === "personId")?.message ?? "That change was not understood." }, { status: 400 });
  const { intent, personId } = parsed.data;
  const here = `/admin/panels/${category.id}`;
  if (intent === "add") {
    const added = await addPanelMember(panel.id, personId, user);
    if (!added.ok) return data({ error: added.message }, { status: 409 });
    return redirect(withNotice(here, "member-added"));
  }
  if (intent === "remove") {
    invariantResponse(await removePanelMember(panel.id, personId, user), "That judge is not on this panel.", { status: 404 });
    return redirect(withNotice(here, "member-removed"));
  }
  const chair = await setPanelChair(panel.id, personId, user);
  if (!chair.ok) return data({ error: chair.message }, { status: 409 });
  return redirect(withNotice(here, "chair-set"));
}

export default function PanelPage() {
  const { category, members, candidates } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const error = actionData?.error;
  return (
    <div className="prose wide">
      <p className="caption">
        <Link to="/admin/panels">Panels</Link>
      </p>
      <h1>Panel: {category.name}</h1>
      <Notice />
      <ErrorSummary errors={error ? [{ fieldId: "panel-add-judge", message: error }] : []} />
      {members.length ? (
        <table className="table">
          <caption className="visually-hidden">Judges on this panel</caption>
          <thead>
            <tr>
              <th scope="col">Judge</th>
              <th scope="col">Role</th>
              <th scope="col">Confidentiality</th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.personId}>
                <td>
                  <Link to={`/admin/people/${m.personId}`}>{m.name}</Link>
                  <div className="card__meta">{m.email}</div>
                </td>
                <td>{m.isChair ? <strong>Chair</strong> : "Member"}</td>
                <td>{m.accepted ? "Accepted" : "Not yet"}</td>
                <td className="actions-cell">
                  {!m.isChair ? (
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="chair" />
                      <input type="hidden" name="personId" value={m.personId} />
                      <button type="submit" className="link-button">
                        Make chair<span className="visually-hidden">: {m.name}</span>
                      </button>
                    </Form>
                  ) : null}{" "}
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="remove" />
                    <input type="hidden" name="personId" value={m.personId} />
                    <button type="submit" className="link-button">
                      Remove<span className="visually-hidden">: {m.name}</span>
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>No judges are on this panel yet.</p>
      )}
      <section aria-labelledby="add-heading" className="prose">
        <h2 id="add-heading">Add a judge</h2>
        {candidates.length ? (
          <Form method="post">
            <input type="hidden" name="intent" value="add" />
            <div className={`field${error ? " field--error" : ""}`}>
              <label htmlFor="panel-add-judge" className="field__label">
                Judge
              </label>
              <ErrorList id="panel-add-judge-error" errors={error ? [error] : undefined} />
              <select id="panel-add-judge" name="personId" defaultValue="" aria-describedby={error ? "panel-add-judge-error" : undefined}>
                <option value="">Choose a judge</option>
                {candidates.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name} ({c.email})
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="button">
              Add to the panel
            </button>
          </Form>
        ) : (
          <p>
            Every judge is already on this panel. <Link to="/admin/people">Invite a judge</Link>
          </p>
        )}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
