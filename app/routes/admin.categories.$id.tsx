import { getFormProps, getInputProps, type SubmissionResult } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ItemList, WelshStillMissing } from "~/components/category-editor";
import { CategoryFields, CategorySchema, CriterionFields, CriterionSchema, QuestionFields, QuestionSchema, readScale, scalePoints, scaleSchema } from "~/components/category-forms";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, Field, SubmitButton, summariseErrors } from "~/components/forms";
import { parseForm, useSchemaForm } from "~/components/schema-form";
import { Notice, withNotice } from "~/components/notice";
import { MAX_ID } from "~/domain/ids";
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
import { requireAdmin, type SessionPerson } from "~/utils/auth.server";
import { requireId } from "~/utils/params.server";
import { invariantResponse, notFound } from "~/utils/responses.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.category.name ?? "Category"} – Administration – Community Sponsorship Awards` },
];

async function load(params: { id?: string }) {
  const editing = await getCategoryForEditing(requireId(params.id, "There is no such category."));
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
    anchors: Object.fromEntries(anchors.map((a) => [`anchor-${a.value}`, a.description])) as Record<string, string>,
    hasScores,
    nominations,
  };
}

// ---------------------------------------------------------------- one handler per intent

type Intent = keyof typeof HANDLERS;
type Change = { editing: Awaited<ReturnType<typeof load>>; formData: FormData; user: SessionPerson; here: string };

/** A form's answer when it is refused: which form, and Conform's reply for its fields. */
const refused = (form: Intent, result: SubmissionResult<string[]>, status = 400) => data({ form, result }, { status });

async function saveDetails({ editing: { category }, formData, user, here }: Change) {
  const submission = parseForm(formData, CategorySchema);
  if (submission.status !== "success") return refused("details", submission.reply());
  if (await slugTaken(category.cycleId, submission.value.slug, category.id)) {
    return refused("details", submission.reply({ fieldErrors: { slug: ["Another category of this cycle already uses that web address"] } }));
  }
  const { sponsor, nameCy, descriptionCy, eligibilityCy, sponsorCy, ...rest } = submission.value;
  // A blank Welsh field clears the Welsh.
  const welsh = { nameCy: nameCy ?? null, descriptionCy: descriptionCy ?? null, eligibilityCy: eligibilityCy ?? null, sponsorCy: sponsorCy ?? null };
  await updateCategory(category.id, { ...rest, sponsor: sponsor || null, ...welsh }, user);
  return redirect(withNotice(here, "category-saved"));
}

async function setRetired({ editing: { category }, user, here }: Change, retired: boolean) {
  await setCategoryRetired(category.id, retired, user);
  return redirect(withNotice(here, retired ? "category-retired" : "category-reinstated"));
}

async function addNewQuestion({ editing: { category }, formData, user, here }: Change) {
  const submission = parseForm(formData, QuestionSchema);
  if (submission.status !== "success") return refused("question-add", submission.reply());
  const { labelCy, helpCy } = submission.value;
  await addQuestion(category.id, { ...submission.value, labelCy: labelCy ?? null, helpCy: helpCy ?? null }, user);
  return redirect(withNotice(here, "question-added"));
}

async function addNewCriterion({ editing: { category }, formData, user, here }: Change) {
  const submission = parseForm(formData, CriterionSchema);
  if (submission.status !== "success") return refused("criterion-add", submission.reply());
  await addCriterion(category.id, submission.value, user);
  return redirect(withNotice(here, "criterion-added"));
}

const ItemSchema = z.object({ itemId: z.number().int().min(1).max(MAX_ID), direction: z.enum(["up", "down"]).optional() });
const ITEM_MODELS = {
  question: { items: "questions", move: moveQuestion, remove: removeQuestion },
  criterion: { items: "criteria", move: moveCriterion, remove: removeCriterion },
} as const;

/** The question or criterion a move or removal names: a live one of this category, or the request is refused. */
function liveItem({ editing, formData }: Change, kind: keyof typeof ITEM_MODELS) {
  const submission = parseForm(formData, ItemSchema);
  invariantResponse(submission.status === "success", "That change was not understood.");
  const { itemId } = submission.value;
  const items: Array<{ id: number; retiredAt: Date | null }> = editing[ITEM_MODELS[kind].items];
  invariantResponse(items.some((i) => i.id === itemId && !i.retiredAt), `That ${kind} is not in this category.`, { status: 404 });
  return submission.value;
}

async function moveItem(change: Change, kind: keyof typeof ITEM_MODELS) {
  const { itemId, direction } = liveItem(change, kind);
  await ITEM_MODELS[kind].move(itemId, direction ?? "up", change.user);
  return redirect(withNotice(change.here, "moved"));
}

async function removeItem(change: Change, kind: keyof typeof ITEM_MODELS) {
  const { itemId } = liveItem(change, kind);
  const plan = await ITEM_MODELS[kind].remove(itemId, change.user);
  return redirect(withNotice(change.here, `${kind}-${plan === "delete" ? "deleted" : "retired"}`));
}

async function saveTheScale({ editing: { category }, formData, user, here }: Change) {
  const current = { min: category.scaleMin, max: category.scaleMax };
  const submission = parseForm(formData, scaleSchema(current));
  if (submission.status !== "success") return refused("scale", submission.reply());
  const saved = await saveScale(category.id, readScale(submission.value, current).scale, user);
  if (!saved.ok) return refused("scale", submission.reply({ fieldErrors: { scaleMin: [saved.message] } }), 409);
  return redirect(withNotice(here, "scale-saved"));
}

const HANDLERS = {
  details: saveDetails,
  retire: (change: Change) => setRetired(change, true),
  reinstate: (change: Change) => setRetired(change, false),
  "question-add": addNewQuestion,
  "question-move": (change: Change) => moveItem(change, "question"),
  "question-remove": (change: Change) => removeItem(change, "question"),
  "criterion-add": addNewCriterion,
  "criterion-move": (change: Change) => moveItem(change, "criterion"),
  "criterion-remove": (change: Change) => removeItem(change, "criterion"),
  scale: saveTheScale,
};

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireAdmin(request);
  const editing = await load(params);
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  invariantResponse(Object.hasOwn(HANDLERS, intent), "That change was not understood.");
  return HANDLERS[intent as Intent]({ editing, formData, user, here: `/admin/categories/${editing.category.id}` });
}

// ---------------------------------------------------------------- the page

export default function EditCategory() {
  const { year, category, questions, criteria, anchors, hasScores, nominations, missingWelsh } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const resultFor = (form: Intent) => (actionData && "form" in actionData && actionData.form === form ? actionData.result : undefined);

  const [detailsForm, details] = useSchemaForm({
    id: "category",
    schema: CategorySchema,
    lastResult: resultFor("details"),
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
  });
  const [questionForm, question] = useSchemaForm({
    id: "question-new",
    schema: QuestionSchema,
    lastResult: resultFor("question-add"),
    defaultValue: { wordLimit: "300", required: "on" },
  });
  const [criterionForm, criterion] = useSchemaForm({ id: "criterion-new", schema: CriterionSchema, lastResult: resultFor("criterion-add"), defaultValue: { weight: "1" } });
  const current = { min: category.scaleMin, max: category.scaleMax };
  const [scaleForm, scale] = useSchemaForm({
    id: "scale",
    schema: scaleSchema(current),
    lastResult: resultFor("scale"),
    defaultValue: { scaleMin: String(category.scaleMin), scaleMax: String(category.scaleMax), ...anchors },
  });
  // The points to describe follow the range typed, once it is a valid one.
  const rangeRefused = Boolean(scale.scaleMin.errors?.length || scale.scaleMax.errors?.length);
  const points = rangeRefused ? scalePoints({}, current) : scalePoints({ scaleMin: scale.scaleMin.value, scaleMax: scale.scaleMax.value }, current);
  const anchor = (point: number) => scale[`anchor-${point}`];

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
    ...summariseErrors(questionForm, [question.label, question.labelCy, question.help, question.helpCy, question.wordLimit]),
    ...summariseErrors(criterionForm, [criterion.name, criterion.guidance, criterion.weight]),
    ...summariseErrors(scaleForm, [scale.scaleMin, scale.scaleMax, ...points.map(anchor)]),
  ];
  const totalWeight = criteria.filter((c) => !c.retired).reduce((sum, c) => sum + c.weight, 0);

  return (
    <div className="prose wide">
      <p className="caption">
        <Link to={`/admin/categories?year=${year}`}>Categories of {year}</Link>
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
        <ItemList
          kind="question"
          categoryId={category.id}
          items={questions}
          caption="Questions, in the order nominators see them"
          columns={["Question", "Words", "Answers"]}
          cells={(q) => [
            <>
              {q.label}
              {q.required ? null : <span className="card__meta"> (optional)</span>}
            </>,
            q.wordLimit,
            q.answers,
          ]}
          labelOf={(q) => q.label}
          inUse={(q) => q.answers > 0}
          retiredSummary="Retired questions"
          retiredLine={(q) => `${q.label} (${q.answers} answers)`}
          empty="There are no questions yet."
        />
        <div className="prose">
          <h3>Add a question</h3>
          {/* Keyed by the count, so a successful add starts a fresh, empty form. */}
          <Form method="post" {...getFormProps(questionForm)} key={questions.length}>
            <input type="hidden" name="intent" value="question-add" />
            <QuestionFields fields={question} />
            <SubmitButton>Add the question</SubmitButton>
          </Form>
        </div>
      </section>

      <section aria-labelledby="rubric" className="editor-section">
        <h2 id="rubric">Rubric</h2>
        <p>Criteria that judges have scored are retired rather than deleted, and changing one retires it and adds the new version.</p>
        <ItemList
          kind="criterion"
          categoryId={category.id}
          items={criteria}
          caption="Scoring criteria"
          columns={["Criterion", "Weight"]}
          cells={(c) => [
            <>
              <strong>{c.name}</strong>
              {c.guidance ? <div className="card__meta">{c.guidance}</div> : null}
            </>,
            <>
              {c.weight} <span className="card__meta">({Math.round((c.weight / totalWeight) * 100)}%)</span>
            </>,
          ]}
          labelOf={(c) => c.name}
          inUse={(c) => c.scored}
          retiredSummary="Retired criteria"
          retiredLine={(c) => `${c.name} (weight ${c.weight})`}
          empty="There are no criteria yet."
        />
        <div className="prose">
          <h3>Add a criterion</h3>
          <Form method="post" {...getFormProps(criterionForm)} key={criteria.length}>
            <input type="hidden" name="intent" value="criterion-add" />
            <CriterionFields fields={criterion} />
            <SubmitButton>Add the criterion</SubmitButton>
          </Form>
        </div>

        <div className="prose">
          <h3 id="scale-heading">Scale</h3>
          <p>
            Judges score each criterion with a whole number from the lowest to the highest point.
            {hasScores ? " Judges have already scored, so the range is fixed; the descriptions can still be clarified." : " Change the range and save to describe any new points."}
          </p>
          <Form method="post" {...getFormProps(scaleForm)}>
            <input type="hidden" name="intent" value="scale" />
            <div className="scale-range">
              <Field
                label="Lowest point"
                errors={scale.scaleMin.errors}
                className="field--short"
                inputProps={{ ...getInputProps(scale.scaleMin, { type: "text" }), inputMode: "numeric", readOnly: hasScores }}
              />
              <Field
                label="Highest point"
                errors={scale.scaleMax.errors}
                className="field--short"
                inputProps={{ ...getInputProps(scale.scaleMax, { type: "text" }), inputMode: "numeric", readOnly: hasScores }}
              />
            </div>
            {points.map((v) => (
              <Field key={v} label={`What ${v} means`} errors={anchor(v).errors} inputProps={getInputProps(anchor(v), { type: "text" })} />
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
