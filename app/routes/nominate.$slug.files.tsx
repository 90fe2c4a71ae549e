import { getInputProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useLanguage } from "~/components/i18n";
import { translator, validationIn, validationMessages } from "~/i18n";
import { languageOf } from "~/i18n.server";
import { Field, SubmitButton } from "~/components/forms";
import { parseForm } from "~/components/schema-form";
import { NominationStep, StepForm, stepHandle, stepMeta, useStepForm } from "~/components/nomination-step";
import {
  ACCEPT_ATTRIBUTE,
  formatBytes,
  MAX_FILE_BYTES,
  MAX_FILES_PER_NOMINATION,
  sanitiseFilename,
  sniffFileType,
} from "~/domain/files";
import { parseId } from "~/domain/ids";
import { fileSchema } from "~/domain/nomination-forms";
import { addFile, listFiles, markChecked, removeFile, requireOwnJourney } from "~/models/nomination.server";
import { journeyKey } from "~/utils/nomination-access.server";
import { refuseWrite, stepPage } from "~/utils/nomination-journey.server";
import { filePath, stepPath } from "~/utils/nomination-paths";
import { isZipBomb } from "~/utils/zip-bomb.server";

export const handle = stepHandle;
export const meta = stepMeta("files");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const language = languageOf(request);
  const journey = await requireOwnJourney(...journeyKey(request, params));
  const files = await listFiles(journey.nomination.id);
  return {
    ...stepPage(journey, language),
    files: files.map((f) => ({ id: f.id, filename: f.filename, size: formatBytes(f.size) })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const journey = await requireOwnJourney(...journeyKey(request, params));
  const { category, nomination } = journey;
  // The body gate (app/server/body-gate.ts) has read the multipart body within limits; a
  // file over the cap arrives cut one byte past it, so the answer below can say so.
  const language = languageOf(request);
  const t = translator(language, "nomination");
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "upload");
  // The refusals come before any intent; the file is checked only when one is added.
  const submission = parseForm(formData, fileSchema(validationIn(language)));
  const refused = refuseWrite(journey, formData, submission, new Date(), language);
  if (refused) return refused;

  if (intent === "continue") {
    await markChecked(nomination);
    return redirect(stepPath(category.slug, "check", language));
  }
  if (intent.startsWith("remove:")) {
    const fileId = parseId(intent.slice("remove:".length));
    if (fileId !== null) await removeFile(nomination, fileId);
    return redirect(stepPath(category.slug, "files", language));
  }

  const upload = formData.get("file");
  if (upload instanceof File && upload.size > MAX_FILE_BYTES) {
    return data({ result: submission.reply({ fieldErrors: { file: [translator(language, "validation")("fileTooLarge")] } }) }, { status: 413 });
  }
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const file = submission.value.file;
  const bytes = new Uint8Array(await file.arrayBuffer());
  const type = sniffFileType(bytes);
  if (!type) {
    return data(
      { result: submission.reply({ fieldErrors: { file: [t("files.wrongType", { name: file.name.slice(0, 80) })] } }) },
      { status: 415 },
    );
  }
  if (type.extension === "docx" && isZipBomb(bytes)) {
    return data(
      { result: submission.reply({ fieldErrors: { file: [t("files.zipBomb", { name: file.name.slice(0, 80) })] } }) },
      { status: 415 },
    );
  }
  const added = await addFile(nomination, {
    filename: sanitiseFilename(file.name, type),
    type,
    bytes,
  });
  if (!added.ok) return data({ result: submission.reply({ fieldErrors: { file: [added.message] } }) }, { status: 409 });
  return redirect(stepPath(category.slug, "files", language));
}

export default function FilesStep() {
  const { category, files, closed } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("nomination");
  const { t: v } = useTranslation("validation");
  const language = useLanguage();
  const schema = useMemo(() => fileSchema(validationMessages(v)), [v]);
  const { form, fields, errors } = useStepForm({ id: "files", schema, lastResult: actionData?.result }, (f) => [f.file]);
  const full = files.length >= MAX_FILES_PER_NOMINATION;
  return (
    <NominationStep step="files" category={category} closed={closed} errors={errors}>
      <p>{t("files.intro", { count: MAX_FILES_PER_NOMINATION })}</p>
      <h2>{t("files.added")}</h2>
      {files.length === 0 ? (
        <p>{t("files.none")}</p>
      ) : (
        <ul className="nomination-files">
          {files.map((file) => (
            <li key={file.id}>
              <a href={filePath(category.slug, file.id, language)} download>
                {file.filename}
              </a>{" "}
              ({file.size}){" "}
              <Form method="post" className="inline-form">
                <button type="submit" name="intent" value={`remove:${file.id}`} className="link-button">
                  {t("files.remove")}
                  <span className="visually-hidden"> {file.filename}</span>
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
      {full ? (
        <p>{t("files.full", { count: MAX_FILES_PER_NOMINATION })}</p>
      ) : (
        <StepForm form={form} encType="multipart/form-data" secondary intent="upload" submit={t("files.add")}>
          <Field
            label={t("files.upload")}
            hint={t("files.uploadHint")}
            errors={fields.file.errors}
            inputProps={{ ...getInputProps(fields.file, { type: "file" }), accept: ACCEPT_ATTRIBUTE }}
          />
        </StepForm>
      )}
      <Form method="post">
        <SubmitButton name="intent" value="continue">
          {t("continue")}
        </SubmitButton>
      </Form>
    </NominationStep>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
