import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Notice, withNotice } from "~/components/notice";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Checkboxes, ErrorList, ErrorSummary } from "~/components/forms";
import { parseForm } from "~/components/schema-form";
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
import { requireId } from "~/utils/params.server";
import { invariantResponse, notFound } from "~/utils/responses.server";
import { MAX_ID } from "~/domain/ids";

const ChangeSchema = z.object({
  intent: z.enum(["remove", "chair"]),
  personId: z.number().int().max(MAX_ID).positive(),
});

/** The ticked judges (one `personId` per box); at least one. */
const AddSchema = z.object({
  intent: z.literal("add"),
  personId: z
    .array(z.number({ error: "Choose a judge to add" }).int().max(MAX_ID).positive("Choose a judge to add"), { error: "Choose a judge to add" })
    .min(1, "Choose a judge to add")
    .max(500, "Choose fewer judges at once"),
});

const CAP_MESSAGE = "Enter a whole number from 1 to 1000, or leave it empty for no cap";
/** Empty is no cap. */
const CapSchema = z.object({
  intent: z.literal("cap"),
  personId: z.number().int().max(MAX_ID).positive(),
  cap: z.number({ error: CAP_MESSAGE }).int(CAP_MESSAGE).min(1, CAP_MESSAGE).max(1000, CAP_MESSAGE).optional(),
});

/** The first message of a failed parse. */
const firstError = (error: Record<string, string[] | null> | null | undefined) => Object.values(error ?? {}).find((m) => m?.length)?.[0];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Panel: ${data?.category.name ?? ""} – Administration – Community Sponsorship Awards` }];

async function load(params: { categoryId?: string }) {
  const category = await getCategory(requireId(params.categoryId, "There is no such category."));
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
  const page = { panelId: panel.id, user, here: `/admin/panels/${category.id}` };
  const intent = formData.get("intent");
  if (intent === "cap") return saveCap(page, formData);
  if (intent === "add") return addMembers(page, formData);
  return changeMember(page, formData);
}

type Page = { panelId: number; user: { id: number; name: string }; here: string };

async function saveCap({ panelId, user, here }: Page, formData: FormData) {
  const submission = parseForm(formData, CapSchema);
  if (submission.status !== "success") {
    const sent = formData.get("cap");
    const capError = { personId: Number(formData.get("personId")), message: firstError(submission.error) ?? "Enter a number", sent: typeof sent === "string" ? sent : "" };
    return data({ error: null, capError }, { status: 400 });
  }
  const saved = await setPanelCap(panelId, submission.value.personId, submission.value.cap ?? null, user);
  if (!saved.ok) return data({ error: saved.message, capError: null }, { status: 404 });
  return redirect(withNotice(here, "cap-set"));
}

async function addMembers({ panelId, user, here }: Page, formData: FormData) {
  const submission = parseForm(formData, AddSchema);
  if (submission.status !== "success") {
    return data({ error: firstError(submission.error) ?? "Choose a judge to add", capError: null, picked: [] as number[] }, { status: 400 });
  }
  const picked = submission.value.personId;
  const added = await addPanelMembers(panelId, picked, user);
  if (!added.ok) return data({ error: added.message, capError: null, picked }, { status: 409 });
  return redirect(withNotice(here, picked.length === 1 ? "member-added" : "members-added"));
}

async function changeMember({ panelId, user, here }: Page, formData: FormData) {
  const submission = parseForm(formData, ChangeSchema);
  if (submission.status !== "success") return data({ error: "That change was not understood.", capError: null }, { status: 400 });
  const { intent, personId } = submission.value;
  if (intent === "remove") {
    invariantResponse(await removePanelMember(panelId, personId, user), "That judge is not on this panel.", { status: 404 });
    return redirect(withNotice(here, "member-removed"));
  }
  const chair = await setPanelChair(panelId, personId, user);
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
            <Checkboxes
              field={{ id: "panel-add-judge", name: "personId", errors: error ? [error] : undefined, initialValue: [...picked].map(String) }}
              legend="Judges to add"
              small
              options={candidates.map((c) => ({ value: String(c.id), label: `${c.name} (${c.email})` }))}
            />
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
