/**
 * The one form kit: a label, an optional hint, the error beside the field, and an
 * error summary at the top that takes focus after a failed submit (GOV.UK Design System).
 */
import type { FieldMetadata } from "@conform-to/react";
import { Fragment, useEffect, useRef, type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes } from "react";
import { useTranslation } from "react-i18next";
import { syncTitle } from "./page-change";

/** A form's fields as Conform gives them, for a component that draws a group of them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each field's own value type varies
export type FormFields = Record<string, FieldMetadata<any>>;

export type ListOfErrors = Array<string | null | undefined> | null | undefined;

export function ErrorList({ id, errors }: { id?: string; errors?: ListOfErrors }) {
  const shown = errors?.filter(Boolean);
  const { t } = useTranslation();
  if (!shown?.length) return null;
  return (
    <p id={id} className="field-error">
      <span className="visually-hidden">{t("errors.fieldPrefix")} </span>
      {shown.join(". ")}
    </p>
  );
}

/** A problem to list: a field's (linked to it) or the form's own (`id` is what the form's aria-describedby names). */
export type SummaryError = { fieldId?: string; id?: string; message: string };

/** Lists every problem, each linked to its field; focused when it appears. */
export function ErrorSummary({ errors, title }: { errors: SummaryError[]; title?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const { t } = useTranslation();
  const key = errors.map((e) => e.message).join("|");
  useEffect(() => {
    if (key) ref.current?.focus();
    // The title says "Error: " while the summary shows, and stops when it goes.
    syncTitle();
    return () => queueMicrotask(syncTitle);
  }, [key]);
  if (errors.length === 0) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title" className="error-summary__title">
        {title ?? t("errors.summaryTitle")}
      </h2>
      <ul className="error-summary__list">
        {errors.map((error) => (
          <li key={`${error.fieldId ?? ""}${error.message}`} id={error.id}>
            {error.fieldId ? <a href={`#${error.fieldId}`}>{error.message}</a> : error.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Collects a Conform form's errors into summary entries: the form's own first, then each
 * field's in the order given, which is the order the form shows them (the one way every
 * summary is built). Given the form itself, its first own error carries the form's error
 * id, so the form's aria-describedby names an element that exists.
 */
export function summariseErrors(
  form: ListOfErrors | { errors?: ListOfErrors; errorId: string },
  fields: Array<{ id: string; errors?: ListOfErrors }>,
): SummaryError[] {
  const list: SummaryError[] = [];
  // Conform's form metadata is a proxy, so it is told from a list by shape, not by its keys.
  if (form && !Array.isArray(form)) {
    const { errors, errorId } = form as { errors?: ListOfErrors; errorId: string };
    errors?.filter(Boolean).forEach((message, i) => list.push({ id: i === 0 ? errorId : undefined, message: message! }));
  } else {
    for (const message of form ?? []) if (message) list.push({ message });
  }
  for (const field of fields) {
    const first = field.errors?.find(Boolean);
    if (first) list.push({ fieldId: field.id, message: first });
  }
  return list;
}

/** The label, hint and error every field shares; `children` gets the ids to describe the control. */
function FieldFrame({
  id,
  label,
  hint,
  errors,
  className,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: ListOfErrors;
  className?: string;
  children: (ids: { hintId?: string; errorId?: string }) => ReactNode;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.some(Boolean) ? `${id}-error` : undefined;
  return (
    <div className={`field${errorId ? " field--error" : ""}${className ? ` ${className}` : ""}`}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {hint ? (
        <div id={hintId} className="field__hint">
          {hint}
        </div>
      ) : null}
      <ErrorList id={errorId} errors={errors} />
      {children({ hintId, errorId })}
    </div>
  );
}

const describedBy = (...ids: Array<string | null | undefined>) => ids.filter(Boolean).join(" ") || undefined;

type FieldProps = {
  label: ReactNode;
  hint?: ReactNode;
  errors?: ListOfErrors;
  inputProps: InputHTMLAttributes<HTMLInputElement> & { id: string };
  className?: string;
};

export function Field({ label, hint, errors, inputProps, className }: FieldProps) {
  return (
    <FieldFrame id={inputProps.id} label={label} hint={hint} errors={errors} className={className}>
      {({ hintId, errorId }) => (
        <input
          {...inputProps}
          className={`input${errorId ? " input--error" : ""}`}
          aria-invalid={errorId ? true : undefined}
          aria-describedby={describedBy(hintId, errorId)}
        />
      )}
    </FieldFrame>
  );
}

type TextareaFieldProps = {
  label: ReactNode;
  hint?: ReactNode;
  errors?: ListOfErrors;
  textareaProps: TextareaHTMLAttributes<HTMLTextAreaElement> & { id: string };
  /** Shown below the box; live when JavaScript runs. */
  footer?: ReactNode;
};

export function TextareaField({ label, hint, errors, textareaProps, footer }: TextareaFieldProps) {
  const { id } = textareaProps;
  return (
    <FieldFrame id={id} label={label} hint={hint} errors={errors}>
      {({ hintId, errorId }) => (
        <>
          <textarea
            rows={8}
            {...textareaProps}
            className={`textarea${errorId ? " input--error" : ""}`}
            aria-invalid={errorId ? true : undefined}
            aria-describedby={describedBy(hintId, errorId, footer ? `${id}-footer` : null)}
          />
          {footer ? (
            <div id={`${id}-footer`} className="field__hint">
              {footer}
            </div>
          ) : null}
        </>
      )}
    </FieldFrame>
  );
}

export function SubmitButton({ children, secondary, name, value }: { children: ReactNode; secondary?: boolean; name?: string; value?: string }) {
  return (
    <button type="submit" className={secondary ? "button button--secondary" : "button"} name={name} value={value}>
      {children}
    </button>
  );
}

/** A labelled drop-down for a GET filter form: "Any" first, then the options. */
export function FilterSelect({
  id,
  name,
  label,
  defaultValue,
  anyLabel = "Any",
  options,
}: {
  id: string;
  name: string;
  label: ReactNode;
  defaultValue: string;
  anyLabel?: string;
  options: Array<{ value: string | number; label: ReactNode }>;
}) {
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select id={id} name={name} defaultValue={defaultValue} className="select">
        <option value="">{anyLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
/** What a choice needs from its field: Conform's field metadata, or the same shape by hand. */
export type ChoiceField = { id: string; name: string; errors?: ListOfErrors; initialValue?: unknown; key?: string };

type ChoiceGroupProps = {
  field: ChoiceField;
  legend: ReactNode;
  hint?: ReactNode;
  options: Array<{ value: string; label: ReactNode; hint?: ReactNode }>;
  small?: boolean;
  disabled?: boolean;
};

/** A fieldset of radios with a legend, as GOV.UK's radios: the error sits under the legend. */
export function Radios(props: ChoiceGroupProps) {
  return <ChoiceGroup {...props} type="radio" isChecked={(value) => props.field.initialValue === value} />;
}

/** Several checkboxes under one legend, for a field that holds a list (`name` repeated). */
export function Checkboxes(props: ChoiceGroupProps) {
  const initial = props.field.initialValue;
  const checked = new Set(Array.isArray(initial) ? initial.map(String) : initial == null ? [] : [String(initial)]);
  return <ChoiceGroup {...props} type="checkbox" isChecked={(value) => checked.has(value)} />;
}

/** The one fieldset behind Radios and Checkboxes: legend, hint, error, then the choices. */
function ChoiceGroup({
  field,
  legend,
  hint,
  options,
  small,
  disabled,
  type,
  isChecked,
}: ChoiceGroupProps & { type: "radio" | "checkbox"; isChecked: (value: string) => boolean }) {
  const hintId = hint ? `${field.id}-hint` : undefined;
  const errorId = field.errors?.some(Boolean) ? `${field.id}-error` : undefined;
  return (
    <div className={`field${errorId ? " field--error" : ""}`}>
      <fieldset className="fieldset" aria-describedby={describedBy(hintId, errorId)}>
        <legend className={small ? "field__label" : "fieldset__legend"}>{legend}</legend>
        {hint ? (
          <div id={hintId} className="field__hint">
            {hint}
          </div>
        ) : null}
        <ErrorList id={errorId} errors={field.errors} />
        <div className="choices" key={field.key}>
          {options.map((option, i) => {
            // The first choice carries the field's id, so the error summary's link lands on it.
            const id = i === 0 ? field.id : `${field.id}-${option.value}`;
            return (
              <div className="choice" key={option.value}>
                <input
                  type={type}
                  className="choice__input"
                  id={id}
                  name={field.name}
                  value={option.value}
                  defaultChecked={isChecked(option.value)}
                  disabled={disabled}
                  aria-describedby={option.hint ? `${id}-hint` : undefined}
                />
                <label className="choice__label" htmlFor={id}>
                  {option.label}
                </label>
                {option.hint ? (
                  <div id={`${id}-hint`} className="field__hint choice__hint">
                    {option.hint}
                  </div>
                ) : null}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

export function Checkbox({ field, label, hint, disabled }: { field: ChoiceField; label: ReactNode; hint?: ReactNode; disabled?: boolean }) {
  const hintId = hint ? `${field.id}-hint` : undefined;
  const errorId = field.errors?.some(Boolean) ? `${field.id}-error` : undefined;
  return (
    <div className={`field${errorId ? " field--error" : ""}`}>
      <ErrorList id={errorId} errors={field.errors} />
      <div className="choice" key={field.key}>
        <input
          type="checkbox"
          className="choice__input"
          id={field.id}
          name={field.name}
          value="on"
          defaultChecked={field.initialValue === "on"}
          disabled={disabled}
          aria-invalid={errorId ? true : undefined}
          aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        />
        <label className="choice__label" htmlFor={field.id}>
          {label}
        </label>
        {hint ? (
          <div id={hintId} className="field__hint choice__hint">
            {hint}
          </div>
        ) : null}
      </div>
    </div>
  );
}

/** A labelled drop-down with hint and error wired like every other field; `placeholder` adds an empty first option. */
export function SelectField({
  field,
  label,
  hint,
  options,
  placeholder,
  className,
  disabled,
}: {
  field: ChoiceField;
  label: ReactNode;
  hint?: ReactNode;
  options: Array<{ value: string | number; label: ReactNode }>;
  placeholder?: string;
  className?: string;
  disabled?: boolean;
}) {
  return (
    <FieldFrame id={field.id} label={label} hint={hint} errors={field.errors} className={className}>
      {({ hintId, errorId }) => (
        <select
          id={field.id}
          name={field.name}
          key={field.key}
          defaultValue={field.initialValue == null ? "" : String(field.initialValue)}
          className={`select${errorId ? " input--error" : ""}`}
          aria-invalid={errorId ? true : undefined}
          aria-describedby={describedBy(hintId, errorId)}
          disabled={disabled}
        >
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}

/** A SelectField whose options are grouped under headings (`<optgroup>`; none for a group without a label), wired the same way. */
export function GroupedSelectField({
  field,
  label,
  hint,
  groups,
  placeholder,
}: {
  field: ChoiceField;
  label: ReactNode;
  hint?: ReactNode;
  groups: Array<{ key: string | number; label: string; options: Array<{ value: string | number; label: string }> }>;
  placeholder?: string;
}) {
  return (
    <FieldFrame id={field.id} label={label} hint={hint} errors={field.errors}>
      {({ hintId, errorId }) => (
        <select
          id={field.id}
          name={field.name}
          key={field.key}
          defaultValue={field.initialValue == null ? "" : String(field.initialValue)}
          className={`select${errorId ? " input--error" : ""}`}
          aria-invalid={errorId ? true : undefined}
          aria-describedby={describedBy(hintId, errorId)}
        >
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {groups.map((g) => {
            const options = g.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ));
            // A group without a heading is a plain run of options.
            return g.label ? (
              <optgroup key={g.key} label={g.label}>
                {options}
              </optgroup>
            ) : (
              <Fragment key={g.key}>{options}</Fragment>
            );
          })}
        </select>
      )}
    </FieldFrame>
  );
}
