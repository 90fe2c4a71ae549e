/**
 * Pieces of the public nomination journey: the page heading with its step, radios and
 * checkboxes in the one form pattern, the honeypot, and the live word count.
 */
import { Link } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { TextareaField, type ListOfErrors, type SummaryError } from "./forms";

export function JourneyHeading({
  category,
  step,
  total,
  back,
  children,
}: {
  category: ReactNode;
  step?: number;
  total?: number;
  back?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation("nomination");
  const { t: tc } = useTranslation("common");
  return (
    <>
      {back ? (
        <p className="back-link">
          <Link to={back}>{tc("back")}</Link>
        </p>
      ) : null}
      <p className="caption">
        {category}
        {step && total ? <span className="nomination-step"> · {t("stepOf", { step, total })}</span> : null}
      </p>
      <h1>{children}</h1>
    </>
  );
}

/** People never see it; form-filling robots do. Anything typed here is refused on the server. */
export function Honeypot({ name }: { name: string }) {
  // In the common catalogue: the vote and campaign forms carry it too, without the journey's words.
  const { t } = useTranslation("common");
  return (
    <div className="nomination-honeypot" aria-hidden="true">
      <label htmlFor={`${name}-field`}>{t("honeypotLabel")}</label>
      <input id={`${name}-field`} name={name} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
    </div>
  );
}

function words(text: string): number {
  return text.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** "You have 3 words remaining", with the plural forms of the page's language (Welsh has six). */
function remaining(t: TFunction<"nomination">, limit: number, count: number): string {
  const left = limit - count;
  return left >= 0 ? t("wordCount.remaining", { count: left }) : t("wordCount.tooMany", { count: -left });
}

/**
 * The limit, stated; with JavaScript, a live count. Like GOV.UK's character count, screen
 * readers hear the count once typing pauses rather than at every key.
 */
export function useWordCount(limit: number, initial: string | undefined) {
  const { t } = useTranslation("nomination");
  const [count, setCount] = useState(() => words(initial ?? ""));
  const [live, setLive] = useState(false);
  const [announced, setAnnounced] = useState("");
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => {
    setLive(true);
    return () => clearTimeout(timer.current);
  }, []);
  const onInput = (event: React.FormEvent<HTMLTextAreaElement>) => {
    const next = words(event.currentTarget.value);
    setCount(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setAnnounced(remaining(t, limit, next)), 1000);
  };
  const footer = live ? (
    <>
      <span className={count > limit ? "word-count word-count--over" : "word-count"} aria-hidden="true">
        {remaining(t, limit, count)}
      </span>
      <span className="visually-hidden">{t("wordCount.limit", { count: limit })}</span>
      <span className="visually-hidden" aria-live="polite">
        {announced}
      </span>
    </>
  ) : (
    <>{t("wordCount.limit", { count: limit })}</>
  );
  return { onInput, footer };
}

export function WordCountedTextarea({
  label,
  hint,
  errors,
  textareaProps,
  limit,
}: {
  label: ReactNode;
  hint?: ReactNode;
  errors?: ListOfErrors;
  textareaProps: React.TextareaHTMLAttributes<HTMLTextAreaElement> & { id: string };
  limit: number;
}) {
  const initial = typeof textareaProps.defaultValue === "string" ? textareaProps.defaultValue : undefined;
  const { onInput, footer } = useWordCount(limit, initial);
  return <TextareaField label={label} hint={hint} errors={errors} textareaProps={{ ...textareaProps, onInput }} footer={footer} />;
}

/**
 * The error summary lists the problems found when the form was last sent, as GOV.UK's
 * does. Inline errors still appear as people leave each field, but the summary does not
 * change (or take focus) until they send the form again. A failed send shows as the
 * form's status turning to "error" (in the browser) or as a new reply from the server.
 */
export function useErrorsAtSubmit(live: SummaryError[], status: "success" | "error" | undefined, lastResult: unknown) {
  const snapshot = useRef({ status, result: lastResult, errors: lastResult ? live : [] });
  if ((status === "error" && snapshot.current.status !== "error") || snapshot.current.result !== lastResult) {
    snapshot.current = { status, result: lastResult, errors: live };
  }
  snapshot.current.status = status;
  return snapshot.current.errors;
}
