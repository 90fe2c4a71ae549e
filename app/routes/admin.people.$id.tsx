import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Notice, withNotice } from "~/components/notice";
import { splitOrganisations } from "~/components/category-forms";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, SubmitButton, summariseErrors } from "~/components/forms";
import { parseForm, useSchemaForm } from "~/components/schema-form";
import { ProfileFields, ProfileSchema } from "~/components/people-forms";
import { getPerson, inviteJudge, panelsOf, removeAdmin, removeJudge, updateProfile } from "~/models/people-admin.server";
import { requireAdmin } from "~/utils/auth.server";
import { requireId } from "~/utils/params.server";
import { notFound } from "~/utils/responses.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.person.name ?? "Person"} – Administration – Community Sponsorship Awards` }];

async function load(params: { id?: string }) {
  const person = await getPerson(requireId(params.id, "There is no such person."));
  if (!person) notFound("There is no such person.");
  return person;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireAdmin(request);
  const person = await load(params);
  return {
    person: {
      id: person.id,
      name: person.name,
      email: person.email,
      isAdmin: person.isAdmin,
      isJudge: person.isJudge,
      organisations: person.organisations,
      localAuthority: person.localAuthority,
      active: !person.deactivatedAt,
    },
    panels: await panelsOf(person.id),
    isSelf: user.id === person.id,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireAdmin(request);
  const person = await load(params);
  const formData = await request.formData();
  const here = `/admin/people/${person.id}`;
  switch (formData.get("intent")) {
    case "remove-admin": {
      if (person.id === user.id) return data({ error: "You cannot remove yourself. Ask another administrator." }, { status: 400 });
      const removed = await removeAdmin(person.id, user);
      if (!removed.ok) return data({ error: removed.message }, { status: 409 });
      return redirect(withNotice(here, "admin-removed"));
    }
    case "remove-judge": {
      const removed = await removeJudge(person.id, user);
      if (!removed.ok) return data({ error: removed.message }, { status: 409 });
      return redirect(withNotice(here, "judge-removed"));
    }
    case "reinvite": {
      await inviteJudge({ email: person.email, name: person.name, organisations: person.organisations, localAuthority: person.localAuthority }, user);
      return redirect(withNotice(here, "invited"));
    }
    default: {
      const submission = parseForm(formData, ProfileSchema);
      if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
      const { name, organisations, localAuthority } = submission.value;
      await updateProfile(person.id, { name, organisations: splitOrganisations(organisations), localAuthority: localAuthority || null }, user);
      return redirect(withNotice(here, "profile-saved"));
    }
  }
}

export default function PersonPage() {
  const { person, panels, isSelf } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useSchemaForm({
    id: "profile",
    schema: ProfileSchema,
    lastResult: actionData && "result" in actionData ? actionData.result : undefined,
    defaultValue: { name: person.name, organisations: person.organisations.join("\n"), localAuthority: person.localAuthority ?? "" },
  });
  const error = actionData && "error" in actionData ? actionData.error : null;
  return (
    <div className="prose">
      <p className="caption">
        <Link to="/admin/people">People &amp; panels</Link>
      </p>
      <h1>{person.name}</h1>
      <Notice />
      <ErrorSummary errors={[...(error ? [{ message: error }] : []), ...summariseErrors(form, [fields.name, fields.organisations, fields.localAuthority])]} />
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>Email</dt>
          <dd>{person.email}</dd>
        </div>
        <div className="summary-list__row">
          <dt>Roles</dt>
          <dd>{[person.isAdmin && "Administrator", person.isJudge && "Judge"].filter(Boolean).join(", ") || "None"}{person.active ? "" : " (deactivated)"}</dd>
        </div>
        <div className="summary-list__row">
          <dt>Panels</dt>
          <dd>
            {panels.length ? (
              <ul className="plain-list">
                {panels.map((p) => (
                  <li key={p.categoryId}>
                    <Link to={`/admin/panels/${p.categoryId}`}>
                      {p.categoryName} {p.year}
                    </Link>
                    {p.isChair ? " (chair)" : ""}
                  </li>
                ))}
              </ul>
            ) : (
              "None"
            )}
          </dd>
        </div>
      </dl>

      <h2>Profile</h2>
      <p>The organisations and local authority are checked against nominations to find conflicts of interest.</p>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="profile" />
        <ProfileFields fields={fields} />
        <SubmitButton>Save the profile</SubmitButton>
      </Form>

      {person.isJudge ? (
        <>
          <h2>Judging</h2>
          <Form method="post">
            <input type="hidden" name="intent" value="reinvite" />
            <button type="submit" className="button button--secondary">
              Send a new invitation
            </button>
          </Form>
          <Form method="post">
            <input type="hidden" name="intent" value="remove-judge" />
            <p>Removing a judge takes them off the panels of cycles not yet archived. Their past scores are kept.</p>
            <button type="submit" className="button button--secondary">
              Remove from judging
            </button>
          </Form>
        </>
      ) : null}
      {person.isAdmin && !isSelf ? (
        <>
          <h2>Administration</h2>
          <Form method="post">
            <input type="hidden" name="intent" value="remove-admin" />
            <p>Removing an administrator signs them out everywhere at once.</p>
            <button type="submit" className="button button--secondary">
              Remove as administrator
            </button>
          </Form>
        </>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
