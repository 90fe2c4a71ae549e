import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Notice, withNotice } from "~/components/notice";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, ErrorSummary } from "~/components/forms";
import { getCategory } from "~/models/category-setup.server";
import {
  addPanelMembers,
  getPanelForCategory,
  judgesNotOnPanel,
  listPanelMembers,
  removePanelMember,
  setPanelCap,
  setPanelChair,
} from "~/models/people-admin.server";
import { requireAdmin } from "~/utils/auth.server";
import { invariantResponse, notFound } from "~/utils/responses.server";
import { MAX_ID, parseId } from "~/domain/ids";

const ChangeSchema = z.object({
  intent: z.enum(["remove", "chair"]),
  personId: z.coerce.number().int().max(MAX_ID).positive(),
});

/** The ticked judges (one `personId` per box); at least one. */
const AddSchema = z
  .array(z.coerce.number({ error: "Choose a judge to add" }).int().max(MAX_ID).positive("Choose a judge to add"))
  .min(1, "Choose a judge to add")
  .max(500, "Choose fewer judges at once");

const CapSchema = z.object({
  intent: z.literal("cap"),
  personId: z.coerce.number().int().max(MAX_ID).positive(),
  cap: z
    .string()
    .trim()
    .transform((value, ctx) => {
      if (value === "") return null;
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1 || n > 1000) {
        ctx.addIssue({ code: "custom", message: "Enter a whole number from 1 to 1000, or leave it empty for no cap" });
        return z.NEVER;
      }
      return n;
    }),
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
  const formData = await request.formData();
  const form = Object.fromEntries(formData);
  const here = `/admin/panels/${category.id}`;
  if (form.intent === "cap") {
    const cap = CapSchema.safeParse(form);
    const personId = Number(form.personId);
    const sent = typeof form.cap === "string" ? form.cap : "";
    if (!cap.success) return data({ error: null, capError: { personId, message: cap.error.issues[0]?.message ?? "Enter a number", sent } }, { status: 400 });
    const saved = await setPanelCap(panel.id, cap.data.personId, cap.data.cap, user);
    if (!saved.ok) return data({ error: saved.message, capError: null }, { status: 404 });
    return redirect(withNotice(here, "cap-set"));
  }
  if (form.intent === "add") {
    const picked = AddSchema.safeParse(formData.getAll("personId").filter((v) => v !== ""));
    if (!picked.success) return data({ error: picked.error.issues[0]?.message ?? "Choose a judge to add", capError: null, picked: [] as number[] }, { status: 400 });
    const added = await addPanelMembers(panel.id, picked.data, user);
    if (!added.ok) return data({ error: added.message, capError: null, picked: picked.data }, { status: 409 });
    return redirect(withNotice(here, picked.data.length === 1 ? "member-added" : "members-added"));
  }
  const parsed = ChangeSchema.safeParse(form);
  if (!parsed.success) {
    return data({ error: "That change was not understood.", capError: null }, { status: 400 });
  }
  const { intent, personId } = parsed.data;
  if (intent === "remove") {
    invariantResponse(await removePanelMember(panel.id, personId, user), "That judge is not on this panel.", { status: 404 });
    return redirect(withNotice(here, "member-removed"));
  }
  const chair = await setPanelChair(panel.id, personId, user);
  if (!chair.ok) return data({ error: chair.message, capError: null }, { status: 409 });
  return redirect(withNotice(here, "chair-set"));
}

export default function PanelPage() {
  const { category, members, candidates } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const error = actionData?.error;
  const capError = actionData?.capError ?? null;
  const picked = new Set<number>(actionData && "picked" in actionData ? (actionData.picked as number[]) : []);
  return (
    <div className="prose wide">
      <p className="caption">
        <Link to="/admin/panels">Panels</Link>
      </p>
      <h1>Panel: {category.name}</h1>
      <Notice />
      <ErrorSummary
        errors={[
          ...(error ? [{ fieldId: "panel-add-judge", message: error }] : []),
          ...(capError ? [{ fieldId: `cap-${capError.personId}`, message: capError.message }] : []),
        ]}
      />
      <p id="cap-hint">
        &ldquo;Most nominations&rdquo; caps how many nominations the assignment gives a judge on this panel; leave it empty
        for no cap.
      </p>
      {members.length ? (
        <table className="table">
          <caption className="visually-hidden">Judges on this panel</caption>
          <thead>
            <tr>
              <th scope="col">Judge</th>
              <th scope="col">Role</th>
              <th scope="col">Confidentiality</th>
              <th scope="col">Most nominations</th>
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
                <td>
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="cap" />
                    <input type="hidden" name="personId" value={m.personId} />
                    <div className={`field field--short${capError?.personId === m.personId ? " field--error" : ""}`}>
                      <label htmlFor={`cap-${m.personId}`} className="field__label">
                        <span className="visually-hidden">Most nominations for {m.name}</span>
                      </label>
                      <ErrorList id={`cap-${m.personId}-error`} errors={capError?.personId === m.personId ? [capError.message] : undefined} />
                      <input
                        className="input"
                        id={`cap-${m.personId}`}
                        name="cap"
                        inputMode="numeric"
                        defaultValue={capError?.personId === m.personId ? capError.sent : (m.cap?.toString() ?? "")}
                        aria-describedby={capError?.personId === m.personId ? `cap-${m.personId}-error` : `cap-hint`}
                      />
                    </div>
                    <button type="submit" className="link-button">
                      Save<span className="visually-hidden"> the cap for {m.name}</span>
                    </button>
                  </Form>
                </td>
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
        <h2 id="add-heading">Add judges</h2>
        {candidates.length ? (
          <Form method="post">
            <input type="hidden" name="intent" value="add" />
            <fieldset className={`field${error ? " field--error" : ""}`} aria-describedby={error ? "panel-add-judge-error" : undefined}>
              <legend className="field__label">Judges to add</legend>
              <ErrorList id="panel-add-judge-error" errors={error ? [error] : undefined} />
              {candidates.map((c, i) => (
                <div key={c.id} className="checkbox">
                  <input type="checkbox" id={i === 0 ? "panel-add-judge" : `panel-add-judge-${c.id}`} name="personId" value={c.id} defaultChecked={picked.has(c.id)} />
                  <label htmlFor={i === 0 ? "panel-add-judge" : `panel-add-judge-${c.id}`}>
                    {c.name} ({c.email})
                  </label>
                </div>
              ))}
            </fieldset>
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
