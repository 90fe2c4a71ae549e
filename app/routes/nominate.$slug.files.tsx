import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, Field, SubmitButton, summariseErrors } from "~/components/forms";
import { JourneyHeading, useErrorsAtSubmit } from "~/components/nomination";
import {
  ACCEPT_ATTRIBUTE,
  formatBytes,
  MAX_FILE_BYTES,
  MAX_FILES_PER_NOMINATION,
  sanitiseFilename,
  sniffFileType,
} from "~/domain/files";
import { canChangeNominations, STEP_TITLES, STEPS, stepNumber } from "~/domain/nomination";
import { fileSchema } from "~/domain/nomination-forms";
import { addFile, listFiles, markChecked, removeFile, requireOwnJourney } from "~/models/nomination.server";
import { readNominationToken } from "~/utils/nomination-access.server";
import { closedMessage, refuseWrite } from "~/utils/nomination-journey.server";
import { filePath, stepPath } from "~/utils/nomination-paths";
import { isZipBomb } from "~/utils/zip-bomb.server";
import { parseId } from "~/domain/ids";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${STEP_TITLES.files} – ${data?.category.name ?? "Nominate"} – Community Sponsorship Awards` },
];

const TOO_LARGE = "The file must be 10 MB or smaller";
const WRONG_TYPE = "The file must be a PDF, a JPEG or PNG image, or a Word document (.docx)";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const journey = await requireOwnJourney(params.slug!, readNominationToken(request, params.slug!));
  const files = await listFiles(journey.nomination.id);
  return {
    category: { slug: journey.category.slug, name: journey.category.name },
    files: files.map((f) => ({ id: f.id, filename: f.filename, size: formatBytes(f.size) })),
    closed: canChangeNominations(journey.cycle, new Date()) ? null : closedMessage(journey),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const journey = await requireOwnJourney(params.slug!, readNominationToken(request, params.slug!));
  const { category, nomination } = journey;
  // The body gate (app/server/body-gate.ts) has read the multipart body within limits; a
  // file over the cap arrives cut one byte past it, so the answer below can say so.
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "upload");
  const submission = parseWithZod(formData, { schema: fileSchema });
  const refused = refuseWrite(journey, formData, submission);
  if (refused) return refused;

  if (intent === "continue") {
    await markChecked(nomination);
    return redirect(stepPath(category.slug, "check"));
  }
  if (intent.startsWith("remove:")) {
    const fileId = parseId(intent.slice("remove:".length)) ?? 0;
    if (Number.isSafeInteger(fileId)) await removeFile(nomination, fileId);
    return redirect(stepPath(category.slug, "files"));
  }

  const upload = formData.get("file");
  if (upload instanceof File && upload.size > MAX_FILE_BYTES) {
    return data({ result: submission.reply({ fieldErrors: { file: [TOO_LARGE] } }) }, { status: 413 });
  }
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const file = submission.value.file;
  const bytes = new Uint8Array(await file.arrayBuffer());
  const type = sniffFileType(bytes);
  if (!type) {
    return data(
      { result: submission.reply({ fieldErrors: { file: [`${WRONG_TYPE}. "${file.name.slice(0, 80)}" is not one of those, whatever its name says`] } }) },
      { status: 415 },
    );
  }
  if (type.extension === "docx" && isZipBomb(bytes)) {
    return data(
      { result: submission.reply({ fieldErrors: { file: [`"${file.name.slice(0, 80)}" could not be checked as a Word document: it unpacks to far more than a document would. Save it again from Word, or send a PDF`] } }) },
      { status: 415 },
    );
  }
  const added = await addFile(nomination, {
    filename: sanitiseFilename(file.name, type),
    type,
    bytes,
  });
  if (!added.ok) return data({ result: submission.reply({ fieldErrors: { file: [added.message] } }) }, { status: 409 });
  return redirect(stepPath(category.slug, "files"));
}

export default function FilesStep() {
  const { category, files, closed } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "files",
    lastResult: actionData?.result,
    constraint: getZodConstraint(fileSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: fileSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const full = files.length >= MAX_FILES_PER_NOMINATION;
  const summaryErrors = useErrorsAtSubmit(
    summariseErrors(form, [fields.file]),
    form.status,
    actionData?.result,
  );
  return (
    <div className="prose">
      <JourneyHeading category={category.name} step={stepNumber("files")} total={STEPS.length} back={stepPath(category.slug, "case")}>
        {STEP_TITLES.files}
      </JourneyHeading>
      {closed ? (
        <div className="panel-box">
          <p>{closed}</p>
        </div>
      ) : null}
      <ErrorSummary errors={summaryErrors} />
      <p>
        You can add up to {MAX_FILES_PER_NOMINATION} files to support your nomination, such as a letter of support,
        a newspaper article or a photo. This is optional.
      </p>
      <h2>Files added</h2>
      {files.length === 0 ? (
        <p>You have not added any files.</p>
      ) : (
        <ul className="nomination-files">
          {files.map((file) => (
            <li key={file.id}>
              <a href={filePath(category.slug, file.id)} download>
                {file.filename}
              </a>{" "}
              ({file.size}){" "}
              <Form method="post" className="inline-form">
                <button type="submit" name="intent" value={`remove:${file.id}`} className="link-button">
                  Remove<span className="visually-hidden"> {file.filename}</span>
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
      {full ? (
        <p>You have added {MAX_FILES_PER_NOMINATION} files, the most you can add. Remove one to add another.</p>
      ) : (
        <Form method="post" encType="multipart/form-data" {...getFormProps(form)}>
          <Field
            label="Upload a file"
            hint="PDF, JPEG, PNG or Word (.docx), up to 10 MB."
            errors={fields.file.errors}
            inputProps={{ ...getInputProps(fields.file, { type: "file" }), accept: ACCEPT_ATTRIBUTE }}
          />
          <SubmitButton secondary name="intent" value="upload">
            Add file
          </SubmitButton>
        </Form>
      )}
      <Form method="post">
        <SubmitButton name="intent" value="continue">
          Continue
        </SubmitButton>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
