import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Notice, withNotice } from "~/components/notice";
import { CategoryFields, CategorySchema, CriterionFields, CriterionSchema, QuestionFields, QuestionSchema } from "~/components/category-forms";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, Field, SubmitButton, summariseErrors, type SummaryError } from "~/components/forms";
import { checkScale } from "~/domain/category-setup";
import {
  addCriterion,
  addQuestion,
  getCategoryForEditing,
  missingWelshForCategory,
  moveCriterion,
  moveQuestion,
  removeCriterion,
  removeQuestion,
  saveScale,
  setCategoryRetired,
  slugTaken,
  updateCategory,
} from "~/models/category-setup.server";
import { requireAdmin } from "~/utils/auth.server";
import { invariantResponse, notFound } from "~/utils/responses.server";
import { MAX_ID, parseId } from "~/domain/ids";

const ItemSchema = z.object({ itemId: z.coerce.number().int().min(1).max(MAX_ID), direction: z.enum(["up", "down"]).optional() });

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.category.name ?? "Category"} – Administration – Community Sponsorship Awards` },
];

async function load(params: { id?: string }) {
  const id = parseId(params.id) ?? 0;
  const editing = Number.isInteger(id) ? await getCategoryForEditing(id) : null;
  if (!editing) notFound("There is no such category.");
  return editing;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const { category, cycle, questions, criteria, anchors, hasScores, nominations } = await load(params);
  const missingWelsh = await missingWelshForCategory(category.id);
  return {
    missingWelsh,
    year: cycle.year,
    category: { ...category, retired: Boolean(category.retiredAt) },
    questions: questions.map((q) => ({ id: q.id, label: q.label, wordLimit: q.wordLimit, required: q.required, answers: q.answers, retired: Boolean(q.retiredAt) })),
    criteria: criteria.map((c) => ({ id: c.id, name: c.name, guidance: c.guidance, weight: c.weight, scored: c.scored, retired: Boolean(c.retiredAt) })),
    anchors: Object.fromEntries(anchors.map((a) => [a.value, a.description])) as Record<string, string>,
    hasScores,
    nominations,
  };
}

type ScaleErrors = Record<string, string>;

function readScale(formData: FormData, fallback: { min: number; max: number }) {
  const values = Object.fromEntries([...formData].map(([k, v]) => [k, String(v)]));
  const errors: ScaleErrors = {};
  const min = values.scaleMin?.trim() === "" ? NaN : Number(values.scaleMin);
  const max = values.scaleMax?.trim() === "" ? NaN : Number(values.scaleMax);
  const problem = checkScale(min, max);
  if (problem) errors[Number.isInteger(min) && min >= 0 ? "scaleMax" : "scaleMin"] = problem;
  const anchors: Array<{ value: number; description: string }> = [];
  const [from, to] = problem ? [fallback.min, fallback.max] : [min, max];
  for (let v = from; v <= to; v++) {
    const description = (values[`anchor-${v}`] ?? "").trim();
    if (!description) errors[`anchor-${v}`] = `Describe what a ${v} means`;
    else if (description.length > 300) errors[`anchor-${v}`] = `The description of ${v} must be 300 characters or fewer`;
    anchors.push({ value: v, description });
  }
  return { values, errors, scaleMin: min, scaleMax: max, anchors };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireAdmin(request);
  const { category, questions, criteria } = await load(params);
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const here = `/admin/categories/${category.id}`;

  switch (intent) {
    case "details": {
      const submission = parseWithZod(formData, { schema: CategorySchema });
      if (submission.status !== "success") return data({ form: intent, result: submission.reply() }, { status: 400 });
      if (await slugTaken(category.cycleId, submission.value.slug, category.id)) {
        return data(
          { form: intent, result: submission.reply({ fieldErrors: { slug: ["Another category of this cycle already uses that web address"] } }) },
          { status: 400 },
        );
      }
      const { sponsor, ...rest } = submission.value;
      // A blank Welsh field clears the Welsh.
      await updateCategory(category.id, { ...rest, sponsor: sponsor || null, nameCy: rest.nameCy ?? null, descriptionCy: rest.descriptionCy ?? null, eligibilityCy: rest.eligibilityCy ?? null, sponsorCy: rest.sponsorCy ?? null }, user);
      return redirect(withNotice(here, "category-saved"));
    }
    case "retire":
    case "reinstate":
      await setCategoryRetired(category.id, intent === "retire", user);
      return redirect(withNotice(here, intent === "retire" ? "category-retired" : "category-reinstated"));
    case "question-add": {
      const submission = parseWithZod(formData, { schema: QuestionSchema });
      if (submission.status !== "success") return data({ form: intent, result: submission.reply() }, { status: 400 });
      await addQuestion(category.id, { ...submission.value, labelCy: submission.value.labelCy ?? null, helpCy: submission.value.helpCy ?? null }, user);
      return redirect(withNotice(here, "question-added"));
    }
    case "criterion-add": {
      const submission = parseWithZod(formData, { schema: CriterionSchema });
      if (submission.status !== "success") return data({ form: intent, result: submission.reply() }, { status: 400 });
      await addCriterion(category.id, submission.value, user);
      return redirect(withNotice(here, "criterion-added"));
    }
    case "question-move":
    case "question-remove":
    case "criterion-move":
    case "criterion-remove": {
      const parsed = ItemSchema.safeParse(Object.fromEntries(formData));
      invariantResponse(parsed.success, "That change was not understood.");
      const { itemId, direction } = parsed.data;
      if (intent.startsWith("question")) {
        invariantResponse(questions.some((q) => q.id === itemId && !q.retiredAt), "That question is not in this category.", { status: 404 });
        if (intent === "question-move") {
          await moveQuestion(itemId, direction ?? "up", user);
          return redirect(withNotice(here, "moved"));
        }
        const plan = await removeQuestion(itemId, user);
        return redirect(withNotice(here, plan === "delete" ? "question-deleted" : "question-retired"));
      }
      invariantResponse(criteria.some((c) => c.id === itemId && !c.retiredAt), "That criterion is not in this category.", { status: 404 });
      if (intent === "criterion-move") {
        await moveCriterion(itemId, direction ?? "up", user);
        return redirect(withNotice(here, "moved"));
      }
      const plan = await removeCriterion(itemId, user);
      return redirect(withNotice(here, plan === "delete" ? "criterion-deleted" : "criterion-retired"));
    }
    case "scale": {
      const scale = readScale(formData, { min: category.scaleMin, max: category.scaleMax });
      if (Object.keys(scale.errors).length) return data({ form: intent, scale }, { status: 400 });
      const saved = await saveScale(category.id, { scaleMin: scale.scaleMin, scaleMax: scale.scaleMax, anchors: scale.anchors }, user);
      if (!saved.ok) return data({ form: intent, scale: { ...scale, errors: { scaleMin: saved.message } as ScaleErrors } }, { status: 409 });
      return redirect(withNotice(here, "scale-saved"));
    }
    default:
      invariantResponse(false, "That change was not understood.");
  }
}

function MoveButtons({ intent, id, label, first, last }: { intent: string; id: number; label: string; first: boolean; last: boolean }) {
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="itemId" value={id} />
      {!first ? (
        <button type="submit" name="direction" value="up" className="link-button">
          Move up<span className="visually-hidden">: {label}</span>
        </button>
      ) : null}{" "}
      {!last ? (
        <button type="submit" name="direction" value="down" className="link-button">
          Move down<span className="visually-hidden">: {label}</span>
        </button>
      ) : null}
    </Form>
  );
}

function RemoveButton({ intent, id, label, inUse }: { intent: string; id: number; label: string; inUse: boolean }) {
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="itemId" value={id} />
      <button type="submit" className="link-button">
        {inUse ? "Retire" : "Delete"}
        <span className="visually-hidden">: {label}</span>
      </button>
    </Form>
  );
}

type LastResult = SubmissionResult<string[]> | undefined;

/** What Welsh pages still show in English for this category, each with a link to where its Welsh is written. */
function WelshStillMissing({ categoryId, missing }: { categoryId: number; missing: Array<{ field: string; what: string; questionId?: number }> }) {
  return (
    <section aria-labelledby="welsh" className="prose">
      <h2 id="welsh">Welsh still to write</h2>
      {missing.length === 0 ? (
        <p>Everything the public sees of this category is written in Welsh too.</p>
      ) : (
        <>
          <p>
            Welsh pages show these in English, marked as English, until their Welsh is written ({missing.length}{" "}
            {missing.length === 1 ? "text" : "texts"}):
          </p>
          <ul id="welsh-missing">
            {missing.map((m) => (
              <li key={`${m.questionId ?? "category"}-${m.field}`}>
                <Link to={m.questionId ? `/admin/categories/${categoryId}/questions/${m.questionId}` : `#category-${m.field}`}>{m.what}</Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function AddQuestionForm({ lastResult }: { lastResult: LastResult }) {
  const [form, fields] = useForm<z.input<typeof QuestionSchema>>({
    id: "question-new",
    lastResult,
    constraint: getZodConstraint(QuestionSchema),
    defaultValue: { wordLimit: "300", required: "on" },
    // Validated on the server only: the page's error summary is built from the server's answer.
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="question-add" />
      <QuestionFields fields={fields} />
      <SubmitButton>Add the question</SubmitButton>
    </Form>
  );
}

function AddCriterionForm({ lastResult }: { lastResult: LastResult }) {
  const [form, fields] = useForm<z.input<typeof CriterionSchema>>({
    id: "criterion-new",
    lastResult,
    constraint: getZodConstraint(CriterionSchema),
    defaultValue: { weight: "1" },
    // Validated on the server only: the page's error summary is built from the server's answer.
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="criterion-add" />
      <CriterionFields fields={fields} />
      <SubmitButton>Add the criterion</SubmitButton>
    </Form>
  );
}

export default function EditCategory() {
  const { year, category, questions, criteria, anchors, hasScores, nominations, missingWelsh } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const resultFor = (form: string) => (actionData && "result" in actionData && actionData.form === form ? actionData.result : undefined);

  const [detailsForm, details] = useForm({
    id: "category",
    lastResult: resultFor("details"),
    constraint: getZodConstraint(CategorySchema),
    defaultValue: {
      name: category.name,
      slug: category.slug,
      description: category.description,
      eligibility: category.eligibility,
      nomineeTypes: category.nomineeTypes,
      selfNominationAllowed: category.selfNominationAllowed ? "on" : undefined,
      nomineeUnder18: category.nomineeUnder18 ? "on" : undefined,
      sponsor: category.sponsor ?? "",
      nameCy: category.nameCy ?? "",
      descriptionCy: category.descriptionCy ?? "",
      eligibilityCy: category.eligibilityCy ?? "",
      sponsorCy: category.sponsorCy ?? "",
      shortlistSize: String(category.shortlistSize),
      judgesPerNomination: String(category.judgesPerNomination),
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CategorySchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const questionResult = resultFor("question-add");
  const criterionResult = resultFor("criterion-add");
  const scale = actionData && "scale" in actionData ? actionData.scale : null;
  const scaleValue = (name: string, fallback: string) => scale?.values[name] ?? fallback;
  const scaleMin = scale && Number.isInteger(scale.scaleMin) && !scale.errors.scaleMin && !scale.errors.scaleMax ? scale.scaleMin : category.scaleMin;
  const scaleMax = scale && Number.isInteger(scale.scaleMax) && !scale.errors.scaleMin && !scale.errors.scaleMax ? scale.scaleMax : category.scaleMax;
  const points = Array.from({ length: scaleMax - scaleMin + 1 }, (_, i) => scaleMin + i);
  const scaleErrors: SummaryError[] = scale
    ? Object.entries(scale.errors).map(([field, message]) => ({ fieldId: `scale-${field}`, message }))
    : [];

  const errors = [
    ...summariseErrors(detailsForm, [
      details.name,
      details.nameCy,
      details.slug,
      details.description,
      details.descriptionCy,
      details.eligibility,
      details.eligibilityCy,
      details.nomineeTypes,
      details.sponsor,
      details.sponsorCy,
      details.shortlistSize,
      details.judgesPerNomination,
    ]),
    ...summariseErrors(
      questionResult?.error?.[""],
      ["label", "labelCy", "help", "helpCy", "wordLimit"].map((name) => ({ id: `question-new-${name}`, errors: questionResult?.error?.[name] })),
    ),
    ...summariseErrors(criterionResult?.error?.[""], ["name", "guidance", "weight"].map((name) => ({ id: `criterion-new-${name}`, errors: criterionResult?.error?.[name] }))),
    ...scaleErrors,
  ];
  const liveQuestions = questions.filter((q) => !q.retired);
  const liveCriteria = criteria.filter((c) => !c.retired);
  const totalWeight = liveCriteria.reduce((sum, c) => sum + c.weight, 0);

  return (
    <div className="prose wide">
      <p className="caption">
        <Link to={`/admin/categories?cycle=${year}`}>Categories of {year}</Link>
      </p>
      <h1>{category.name}</h1>
      <Notice />
      <ErrorSummary errors={errors} />
      {category.retired ? <p className="panel-box">This category is retired: the public does not see it.</p> : null}
      <p>
        {nominations} {nominations === 1 ? "nomination" : "nominations"}.{" "}
        <Link to={`/admin/panels/${category.id}`}>The panel for this category</Link>.{" "}
        <Link to={`/admin/categories/${category.id}/peoples-choice`}>People&apos;s Choice</Link>
      </p>

      <WelshStillMissing categoryId={category.id} missing={missingWelsh} />

      <section aria-labelledby="details-heading" className="prose">
        <h2 id="details-heading">Details</h2>
        <Form method="post" {...getFormProps(detailsForm)}>
          <input type="hidden" name="intent" value="details" />
          <CategoryFields fields={details} />
          <SubmitButton>Save the details</SubmitButton>
        </Form>
      </section>

      <section aria-labelledby="questions" className="editor-section">
        <h2 id="questions">Questions</h2>
        <p>Questions that already have answers are retired rather than deleted, and rewording one retires it and adds the new wording.</p>
        {liveQuestions.length ? (
          <table className="table">
            <caption className="visually-hidden">Questions, in the order nominators see them</caption>
            <thead>
              <tr>
                <th scope="col">Question</th>
                <th scope="col">Words</th>
                <th scope="col">Answers</th>
                <th scope="col">Change</th>
              </tr>
            </thead>
            <tbody>
              {liveQuestions.map((q, i) => (
                <tr key={q.id}>
                  <td>
                    {q.label}
                    {q.required ? null : <span className="card__meta"> (optional)</span>}
                  </td>
                  <td>{q.wordLimit}</td>
                  <td>{q.answers}</td>
                  <td className="actions-cell">
                    <Link to={`/admin/categories/${category.id}/questions/${q.id}`}>
                      Edit<span className="visually-hidden">: {q.label}</span>
                    </Link>{" "}
                    <MoveButtons intent="question-move" id={q.id} label={q.label} first={i === 0} last={i === liveQuestions.length - 1} />{" "}
                    <RemoveButton intent="question-remove" id={q.id} label={q.label} inUse={q.answers > 0} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>There are no questions yet.</p>
        )}
        {questions.some((q) => q.retired) ? (
          <details>
            <summary>Retired questions</summary>
            <ul>
              {questions
                .filter((q) => q.retired)
                .map((q) => (
                  <li key={q.id}>
                    {q.label} ({q.answers} answers)
                  </li>
                ))}
            </ul>
          </details>
        ) : null}
        <div className="prose">
          <h3>Add a question</h3>
          {/* Keyed by the count, so a successful add starts a fresh, empty form. */}
          <AddQuestionForm key={questions.length} lastResult={questionResult} />
        </div>
      </section>

      <section aria-labelledby="rubric" className="editor-section">
        <h2 id="rubric">Rubric</h2>
        <p>Criteria that judges have scored are retired rather than deleted, and changing one retires it and adds the new version.</p>
        {liveCriteria.length ? (
          <table className="table">
            <caption className="visually-hidden">Scoring criteria</caption>
            <thead>
              <tr>
                <th scope="col">Criterion</th>
                <th scope="col">Weight</th>
                <th scope="col">Change</th>
              </tr>
            </thead>
            <tbody>
              {liveCriteria.map((c, i) => (
                <tr key={c.id}>
                  <td>
                    <strong>{c.name}</strong>
                    {c.guidance ? <div className="card__meta">{c.guidance}</div> : null}
                  </td>
                  <td>
                    {c.weight} <span className="card__meta">({Math.round((c.weight / totalWeight) * 100)}%)</span>
                  </td>
                  <td className="actions-cell">
                    <Link to={`/admin/categories/${category.id}/criteria/${c.id}`}>
                      Edit<span className="visually-hidden">: {c.name}</span>
                    </Link>{" "}
                    <MoveButtons intent="criterion-move" id={c.id} label={c.name} first={i === 0} last={i === liveCriteria.length - 1} />{" "}
                    <RemoveButton intent="criterion-remove" id={c.id} label={c.name} inUse={c.scored} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>There are no criteria yet.</p>
        )}
        {criteria.some((c) => c.retired) ? (
          <details>
            <summary>Retired criteria</summary>
            <ul>
              {criteria
                .filter((c) => c.retired)
                .map((c) => (
                  <li key={c.id}>
                    {c.name} (weight {c.weight})
                  </li>
                ))}
            </ul>
          </details>
        ) : null}
        <div className="prose">
          <h3>Add a criterion</h3>
          <AddCriterionForm key={criteria.length} lastResult={criterionResult} />
        </div>

        <div className="prose">
          <h3 id="scale">Scale</h3>
          <p>
            Judges score each criterion with a whole number from the lowest to the highest point.
            {hasScores ? " Judges have already scored, so the range is fixed; the descriptions can still be clarified." : " Change the range and save to describe any new points."}
          </p>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="scale" />
            <div className="scale-range">
              <Field
                label="Lowest point"
                errors={scale?.errors.scaleMin ? [scale.errors.scaleMin] : undefined}
                className="field--short"
                inputProps={{ id: "scale-scaleMin", name: "scaleMin", type: "text", inputMode: "numeric", defaultValue: scaleValue("scaleMin", String(category.scaleMin)), readOnly: hasScores }}
              />
              <Field
                label="Highest point"
                errors={scale?.errors.scaleMax ? [scale.errors.scaleMax] : undefined}
                className="field--short"
                inputProps={{ id: "scale-scaleMax", name: "scaleMax", type: "text", inputMode: "numeric", defaultValue: scaleValue("scaleMax", String(category.scaleMax)), readOnly: hasScores }}
              />
            </div>
            {points.map((v) => (
              <Field
                key={v}
                label={`What ${v} means`}
                errors={scale?.errors[`anchor-${v}`] ? [scale.errors[`anchor-${v}`]] : undefined}
                inputProps={{ id: `scale-anchor-${v}`, name: `anchor-${v}`, type: "text", defaultValue: scaleValue(`anchor-${v}`, anchors[v] ?? "") }}
              />
            ))}
            <SubmitButton>Save the scale</SubmitButton>
          </Form>
        </div>
      </section>

      <section aria-labelledby="retire-heading" className="prose">
        <h2 id="retire-heading">{category.retired ? "Reinstate" : "Retire"} this category</h2>
        <p>
          {category.retired
            ? "Reinstating shows the category to the public again."
            : "A retired category is hidden from the public and is not copied into next year's cycle. Its nominations are kept."}
        </p>
        <Form method="post">
          <input type="hidden" name="intent" value={category.retired ? "reinstate" : "retire"} />
          <button type="submit" className="button button--secondary">
            {category.retired ? "Reinstate the category" : "Retire the category"}
          </button>
        </Form>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
