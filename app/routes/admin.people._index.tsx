import { getFormProps, getInputProps, type FormMetadata } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Notice, withNotice } from "~/components/notice";
import { splitOrganisations } from "~/components/category-forms";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, Field, SubmitButton, summariseErrors, type FormFields } from "~/components/forms";
import { parseForm, useSchemaForm } from "~/components/schema-form";
import { EmailField, ProfileFields, ProfileSchema } from "~/components/people-forms";
import { inviteJudge, listPeople } from "~/models/people-admin.server";
import { addAdmin } from "~/models/person.server";
import { requireAdmin } from "~/utils/auth.server";

const InviteSchema = ProfileSchema.extend({ email: EmailField });
const AdminSchema = z.object({
  email: EmailField,
  name: z.string({ error: "Enter their name" }).trim().min(1, "Enter their name").max(120, "The name must be 120 characters or fewer"),
});

export const meta: MetaFunction = () => [{ title: "People & panels – Administration – Community Sponsorship Awards" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const people = await listPeople();
  return {
    people: people.map((p) => ({
      id: p.id,
      name: p.name,
      email: p.email,
      isAdmin: p.isAdmin,
      isJudge: p.isJudge,
      organisations: p.organisations,
      localAuthority: p.localAuthority,
      active: !p.deactivatedAt,
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireAdmin(request);
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "admin") {
    const submission = parseForm(formData, AdminSchema);
    if (submission.status !== "success") return data({ form: "admin", result: submission.reply() }, { status: 400 });
    await addAdmin(submission.value, user);
    return redirect(withNotice("/admin/people", "admin-added"));
  }
  const submission = parseForm(formData, InviteSchema);
  if (submission.status !== "success") return data({ form: "invite", result: submission.reply() }, { status: 400 });
  const { email, name, organisations, localAuthority } = submission.value;
  await inviteJudge({ email, name, organisations: splitOrganisations(organisations), localAuthority: localAuthority || null }, user);
  return redirect(withNotice("/admin/people", "invited"));
}


function InviteForm({ form, fields }: { form: FormMetadata<Record<string, unknown>>; fields: FormFields }) {
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="invite" />
      <Field
        label="Email address"
        errors={fields.email.errors}
        inputProps={{ ...getInputProps(fields.email, { type: "email" }), autoComplete: "off", spellCheck: false }}
      />
      <ProfileFields fields={fields} />
      <SubmitButton>Send the invitation</SubmitButton>
    </Form>
  );
}

function AddAdminForm({ form, fields }: { form: FormMetadata<Record<string, unknown>>; fields: FormFields }) {
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="admin" />
      <Field
        label="Email address"
        errors={fields.email.errors}
        inputProps={{ ...getInputProps(fields.email, { type: "email" }), autoComplete: "off", spellCheck: false }}
      />
      <Field label="Name" errors={fields.name.errors} inputProps={getInputProps(fields.name, { type: "text" })} />
      <SubmitButton>Add the administrator</SubmitButton>
    </Form>
  );
}

export default function PeoplePage() {
  const { people } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  // Two forms, one summary at the top of the page, in the order the forms appear.
  const [invite, inviteFields] = useSchemaForm({ id: "invite", schema: InviteSchema, lastResult: actionData?.form === "invite" ? actionData.result : undefined });
  const [addAdmin, adminFields] = useSchemaForm({ id: "add-admin", schema: AdminSchema, lastResult: actionData?.form === "admin" ? actionData.result : undefined });
  const judges = people.filter((p) => p.isJudge);
  const admins = people.filter((p) => p.isAdmin);
  return (
    <div className="prose wide">
      <h1>People &amp; panels</h1>
      <Notice />
      <ErrorSummary
        errors={[
          ...summariseErrors(invite, [inviteFields.email, inviteFields.name, inviteFields.organisations, inviteFields.localAuthority]),
          ...summariseErrors(addAdmin, [adminFields.email, adminFields.name]),
        ]}
      />
      <p>
        <Link to="/admin/panels">Panels by category</Link>
      </p>

      <h2>Judges</h2>
      {judges.length ? (
        <table className="table">
          <caption className="visually-hidden">Judges</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Organisations</th>
              <th scope="col">Local authority</th>
            </tr>
          </thead>
          <tbody>
            {judges.map((p) => (
              <tr key={p.id}>
                <td>
                  <Link to={`/admin/people/${p.id}`}>{p.name}</Link>
                  {p.active ? null : <div className="card__meta">deactivated</div>}
                </td>
                <td>{p.email}</td>
                <td>{p.organisations.join(", ")}</td>
                <td>{p.localAuthority}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>There are no judges yet.</p>
      )}

      <section aria-labelledby="invite-heading" className="prose">
        <h2 id="invite-heading">Invite a judge</h2>
        <p>The invitation carries a sign-in link that works once, for 7 days.</p>
        {/* Keyed by the list, so after a successful invitation the form starts empty. */}
        <InviteForm key={`invite-${judges.length}`} form={invite} fields={inviteFields} />
      </section>

      <h2>Administrators</h2>
      <table className="table">
        <caption className="visually-hidden">Administrators</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
          </tr>
        </thead>
        <tbody>
          {admins.map((p) => (
            <tr key={p.id}>
              <td>
                <Link to={`/admin/people/${p.id}`}>{p.name}</Link>
              </td>
              <td>{p.email}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <section aria-labelledby="admin-heading" className="prose">
        <h2 id="admin-heading">Add an administrator</h2>
        <AddAdminForm key={`admin-${admins.length}`} form={addAdmin} fields={adminFields} />
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
