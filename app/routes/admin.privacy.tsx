import { getFormProps, getInputProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Notice, withNotice } from "~/components/notice";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, Field, SubmitButton, summariseErrors } from "~/components/forms";
import { parseForm, useSchemaForm } from "~/components/schema-form";
import { EmailField } from "~/components/people-forms";
import { retentionDueAt } from "~/domain/retention";
import { listCycles } from "~/models/cycle-setup.server";
import { applyRetention, erasePerson, exportPersonData } from "~/models/privacy.server";
import { requireAdmin } from "~/utils/auth.server";
import { csvFilename } from "~/domain/csv";
import { formatLondon } from "~/domain/time";

const ExportSchema = z.object({ email: EmailField });
const EraseSchema = z.object({
  email: EmailField,
  confirm: z.string({ error: "Type the email address again to confirm" }).trim(),
}).superRefine((v, ctx) => {
  if (v.confirm.toLowerCase() !== v.email.toLowerCase()) ctx.addIssue({ code: "custom", path: ["confirm"], message: "The two email addresses must match" });
});

export const meta: MetaFunction = () => [{ title: "Privacy – Administration – Community Sponsorship Awards" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const cycles = await listCycles();
  return {
    retention: cycles.map((c) => ({
      year: c.year,
      retentionDays: c.retentionDays,
      archivedAt: c.archivedAt ? formatLondon(c.archivedAt) : null,
      dueAt: c.archivedAt ? formatLondon(retentionDueAt(c)) : null,
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireAdmin(request);
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "retention") {
    await applyRetention(new Date(), user);
    return redirect(withNotice("/admin/privacy", "retention-run"));
  }
  if (intent === "erase") {
    const submission = parseForm(formData, EraseSchema);
    if (submission.status !== "success") return data({ form: "erase", result: submission.reply(), erased: null }, { status: 400 });
    const report = await erasePerson(submission.value.email, user);
    return data({
      form: "erase",
      result: submission.reply({ resetForm: true }),
      erased: { nominations: new Set([...report.asNominee, ...report.asNominator, ...report.asGuardian]).size, account: report.personId !== null, emails: report.emails },
    });
  }
  const submission = parseForm(formData, ExportSchema);
  if (submission.status !== "success") return data({ form: "export", result: submission.reply(), erased: null }, { status: 400 });
  const exported = await exportPersonData(submission.value.email, user);
  return new Response(JSON.stringify(exported, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${csvFilename(["personal-data", new Date().toISOString().slice(0, 10)]).replace(/\.csv$/, ".json")}"`,
      "Cache-Control": "private, no-store",
    },
  });
}

export default function PrivacyPage() {
  const { retention } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [exportForm, exportFields] = useSchemaForm({
    id: "export",
    schema: ExportSchema,
    lastResult: actionData?.form === "export" ? actionData.result : undefined,
  });
  const [eraseForm, eraseFields] = useSchemaForm({
    id: "erase",
    schema: EraseSchema,
    lastResult: actionData?.form === "erase" ? actionData.result : undefined,
  });
  const erased = actionData?.erased;
  return (
    <div className="prose">
      <h1>Privacy</h1>
      <Notice />
      <ErrorSummary
        errors={[...summariseErrors(exportForm, [exportFields.email]), ...summariseErrors(eraseForm, [eraseFields.email, eraseFields.confirm])]}
      />
      {erased ? (
        <div className="notice" role="status">
          <p>
            Erased: {erased.nominations} {erased.nominations === 1 ? "nomination" : "nominations"}, {erased.account ? "an account" : "no account"} and{" "}
            {erased.emails} {erased.emails === 1 ? "email" : "emails"}. The erasure is recorded in the audit log.
          </p>
        </div>
      ) : null}

      <h2>Export a person&rsquo;s data</h2>
      <p>Downloads, as a JSON file, everything the portal holds about an email address: account, panels, scores, nominations they made or received, and emails sent to them.</p>
      <Form method="post" reloadDocument {...getFormProps(exportForm)}>
        <input type="hidden" name="intent" value="export" />
        <Field label="Email address" errors={exportFields.email.errors} inputProps={{ ...getInputProps(exportFields.email, { type: "email" }), autoComplete: "off", spellCheck: false }} />
        <SubmitButton>Download their data</SubmitButton>
      </Form>

      <h2>Erase a person</h2>
      <p>
        Replaces their personal data everywhere: as a nominee (the whole entry&rsquo;s personal content), as a nominator or
        guardian (their contact details), their account (deactivated and signed out) and emails sent to them. This
        cannot be undone.
      </p>
      <Form method="post" {...getFormProps(eraseForm)}>
        <input type="hidden" name="intent" value="erase" />
        <Field label="Email address" errors={eraseFields.email.errors} inputProps={{ ...getInputProps(eraseFields.email, { type: "email" }), autoComplete: "off", spellCheck: false }} />
        <Field label="Type the email address again to confirm" errors={eraseFields.confirm.errors} inputProps={{ ...getInputProps(eraseFields.confirm, { type: "email" }), autoComplete: "off", spellCheck: false }} />
        <SubmitButton>Erase their data</SubmitButton>
      </Form>

      <h2>Retention</h2>
      <p>
        Personal data of unsuccessful nominations (not shortlisted, highly commended or winning) is removed a set number of
        days after their cycle is archived. The rule runs every day; running it again changes nothing.
      </p>
      <table className="table">
        <caption className="visually-hidden">Retention by cycle</caption>
        <thead>
          <tr>
            <th scope="col">Cycle</th>
            <th scope="col">Days kept</th>
            <th scope="col">Archived</th>
            <th scope="col">Removal due</th>
          </tr>
        </thead>
        <tbody>
          {retention.map((r) => (
            <tr key={r.year}>
              <td>{r.year}</td>
              <td>{r.retentionDays}</td>
              <td>{r.archivedAt ?? "not yet"}</td>
              <td>{r.dueAt ?? "after archiving"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Form method="post">
        <input type="hidden" name="intent" value="retention" />
        <button type="submit" className="button button--secondary">
          Run the retention rule now
        </button>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
