/**
 * The nominator's choice of language for their emails (and the nominee's), on check your
 * answers. The legend and the two choices are written in both languages, each marked with
 * its own `lang`, so they read the same on English and Welsh pages; only the button and the
 * hint, which follow the page's language, come in as props.
 */
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { HTML_LANG, type Language } from "~/domain/language";
import { Radios } from "./forms";

/** The form field; the check page's action hands its value to setNominationLanguage. */
export const EMAIL_LANGUAGE_FIELD = "emailLanguage";
/** The intent of the stand-alone form (a submitted nomination has no send form to carry the choice). */
export const EMAIL_LANGUAGE_INTENT = "email-language";

const LEGEND = (
  <>
    <span lang={HTML_LANG.en}>Language for emails</span> / <span lang={HTML_LANG.cy}>Iaith e-byst</span>
  </>
);

const OPTIONS: Array<{ value: Language; label: ReactNode }> = [
  { value: "en", label: <span lang={HTML_LANG.en}>English</span> },
  { value: "cy", label: <span lang={HTML_LANG.cy}>Cymraeg</span> },
];

/** The radios alone, to sit inside a form that sends them (the draft's "Send nomination" form). */
export function EmailLanguageFieldset({ current, hint, error }: { current: Language; hint?: ReactNode; error?: string }) {
  return (
    <Radios
      field={{ id: "email-language", name: EMAIL_LANGUAGE_FIELD, initialValue: current, errors: error ? [error] : undefined }}
      legend={LEGEND}
      hint={hint}
      options={OPTIONS}
      small
    />
  );
}

/** The radios in their own small form, saved on their own (a nomination already sent). */
export function EmailLanguageForm({ current, hint, error, saveLabel = "Save the language" }: { current: Language; hint?: ReactNode; error?: string; saveLabel?: ReactNode }) {
  return (
    <Form method="post" className="email-language" noValidate>
      <input type="hidden" name="intent" value={EMAIL_LANGUAGE_INTENT} />
      <EmailLanguageFieldset current={current} hint={hint} error={error} />
      <button type="submit" className="button button--secondary">
        {saveLabel}
      </button>
    </Form>
  );
}
