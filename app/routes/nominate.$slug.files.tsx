import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { InLanguage, useLanguage } from "~/components/i18n";
import { localised } from "~/domain/language";
import { titleFor, translator, translatorFor, validationIn, validationMessages, type I18nHandle } from "~/i18n";
import { languageOf } from "~/i18n.server";
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
import { canChangeNominations, STEPS, stepNumber } from "~/domain/nomination";
import { fileSchema } from "~/domain/nomination-forms";
import { addFile, listFiles, markChecked, removeFile, requireOwnJourney } from "~/models/nomination.server";
import { readNominationToken } from "~/utils/nomination-access.server";
import { closedMessage, refuseWrite } from "~/utils/nomination-journey.server";
import { filePath, stepPath } from "~/utils/nomination-paths";
import { isZipBomb } from "~/utils/zip-bomb.server";
import { parseId } from "~/domain/ids";

export const handle: I18nHandle = { i18n: ["nomination", "validation"] };

export const meta: MetaFunction<typeof loader> = ({ data, location }) => {
  const t = translatorFor(location.pathname, "nomination");
  return [{ title: titleFor(location.pathname, t("steps.files"), data?.category.name.text ?? t("nominate")) }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const language = languageOf(request);
  const journey = await requireOwnJourney(params.slug!, readNominationToken(request, params.slug!));
  const files = await listFiles(journey.nomination.id);
  return {
    category: { slug: journey.category.slug, name: localised(journey.category.name, journey.category.nameCy, language) },
    files: files.map((f) => ({ id: f.id, filename: f.filename, size: formatBytes(f.size) })),
    closed: canChangeNominations(journey.cycle, new Date()) ? null : closedMessage(journey, language),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const journey = await requireOwnJourney(params.slug!, readNominationToken(request, params.slug!));
  const { category, nomination } = journey;
  // The body gate (app/server/body-gate.ts) has read the multipart body within limits; a
  // file over the cap arrives cut one byte past it, so the answer below can say so.
  const language = languageOf(request);
  const t = translator(language, "nomination");
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "upload");
  const submission = parseWithZod(formData, { schema: fileSchema(validationIn(language)) });
  const refused = refuseWrite(journey, formData, submission, new Date(), language);
  if (refused) return refused;

  if (intent === "continue") {
    await markChecked(nomination);
    return redirect(stepPath(category.slug, "check", language));
  }
  if (intent.startsWith("remove:")) {
    const fileId = parseId(intent.slice("remove:".length)) ?? 0;
    if (Number.isSafeInteger(fileId)) await removeFile(nomination, fileId);
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
  const [form, fields] = useForm({
    id: "files",
    lastResult: actionData?.result,
    constraint: getZodConstraint(schema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
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
      <JourneyHeading
        category={<InLanguage text={category.name} />}
        step={stepNumber("files")}
        total={STEPS.length}
        back={stepPath(category.slug, "case", language)}
      >
        {t("steps.files")}
      </JourneyHeading>
      {closed ? (
        <div className="panel-box">
          <p>{closed}</p>
        </div>
      ) : null}
      <ErrorSummary errors={summaryErrors} />
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
        <Form method="post" encType="multipart/form-data" {...getFormProps(form)}>
          <Field
            label={t("files.upload")}
            hint={t("files.uploadHint")}
            errors={fields.file.errors}
            inputProps={{ ...getInputProps(fields.file, { type: "file" }), accept: ACCEPT_ATTRIBUTE }}
          />
          <SubmitButton secondary name="intent" value="upload">
            {t("files.add")}
          </SubmitButton>
        </Form>
      )}
      <Form method="post">
        <SubmitButton name="intent" value="continue">
          {t("continue")}
        </SubmitButton>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
