import { getFormProps, getInputProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Notice, withNotice } from "~/components/notice";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Checkbox, ErrorSummary, Field, SelectField, SubmitButton, summariseErrors } from "~/components/forms";
import { parseForm, useSchemaForm } from "~/components/schema-form";
import { effectivePhase, PHASE_LABELS } from "~/domain/phases";
import { createCycleFromPrevious, getCycleByYear, listCycles } from "~/models/cycle-setup.server";
import { requireAdmin } from "~/utils/auth.server";

function schema(years: number[]) {
  return z.object({
    sourceYear: z
      .number({ error: "Choose the cycle to copy the categories from" })
      .int()
      .refine((y) => years.length === 0 || years.includes(y), "Choose the cycle to copy the categories from"),
    year: z
      .number({ error: "Enter the new cycle's year, like 2027" })
      .int("Enter the year as four digits, like 2027")
      .min(1990, "Enter a year from 1990 to 2100")
      .max(2100, "Enter a year from 1990 to 2100")
      .refine((y) => !years.includes(y), "There is already a cycle for that year"),
    name: z.string({ error: "Enter the cycle's name" }).trim().min(1, "Enter the cycle's name").max(120, "The name must be 120 characters or fewer"),
    copyPanelMembers: z.boolean().default(false),
  });
}

export const meta: MetaFunction = () => [{ title: "Cycles – Administration – Community Sponsorship Awards" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const now = new Date();
  const cycles = await listCycles();
  return {
    cycles: cycles.map((c) => ({ year: c.year, name: c.name, phase: PHASE_LABELS[effectivePhase(c, now)] })),
    suggestedYear: cycles.length ? cycles[0].year + 1 : new Date().getUTCFullYear(),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireAdmin(request);
  const years = (await listCycles()).map((c) => c.year);
  const submission = parseForm(await request.formData(), schema(years));
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const source = await getCycleByYear(submission.value.sourceYear);
  if (!source) return data({ result: submission.reply({ fieldErrors: { sourceYear: ["Choose the cycle to copy the categories from"] } }) }, { status: 400 });
  const cycle = await createCycleFromPrevious(submission.value, user);
  return redirect(withNotice(`/admin/cycles/${cycle.year}`, "cycle-created"));
}

export default function CyclesPage() {
  const { cycles, suggestedYear } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const years = cycles.map((c) => c.year);
  const [form, fields] = useSchemaForm({
    id: "new-cycle",
    schema: schema(years),
    lastResult: actionData?.result,
    defaultValue: { sourceYear: String(years[0] ?? ""), year: String(suggestedYear), name: `Community Sponsorship Awards ${suggestedYear}` },
  });
  return (
    <div className="prose wide">
      <h1>Cycles</h1>
      <Notice />
      <ErrorSummary errors={summariseErrors(form, [fields.sourceYear, fields.year, fields.name])} />
      {cycles.length ? (
        <table className="table">
          <caption className="visually-hidden">Awards cycles, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Year</th>
              <th scope="col">Name</th>
              <th scope="col">Phase</th>
            </tr>
          </thead>
          <tbody>
            {cycles.map((c) => (
              <tr key={c.year}>
                <td>
                  <Link to={`/admin/cycles/${c.year}`}>{c.year}</Link>
                </td>
                <td>{c.name}</td>
                <td>{c.phase}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>There is no cycle yet.</p>
      )}

      {cycles.length ? (
        <section aria-labelledby="new-cycle-heading" className="prose">
          <h2 id="new-cycle-heading">Create the next cycle</h2>
          <p>
            The new cycle starts as a draft with a copy of the chosen cycle&rsquo;s categories, their questions, rubric
            and scale, and a panel for each category. Set its dates afterwards.
          </p>
          <Form method="post" {...getFormProps(form)}>
            <SelectField
              field={fields.sourceYear}
              label="Copy the categories of"
              options={cycles.map((c) => ({ value: c.year, label: `${c.year}: ${c.name}` }))}
            />
            <Field label="Year of the new cycle" errors={fields.year.errors} className="field--short" inputProps={{ ...getInputProps(fields.year, { type: "text" }), inputMode: "numeric", autoComplete: "off" }} />
            <Field label="Name" errors={fields.name.errors} inputProps={getInputProps(fields.name, { type: "text" })} />
            <Checkbox field={fields.copyPanelMembers} label="Also put last year’s judges on the same panels" />
            <SubmitButton>Create the cycle</SubmitButton>
          </Form>
        </section>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
