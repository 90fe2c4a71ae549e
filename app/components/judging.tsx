/** UI pieces for judging: a radio group in the form pattern, and the judging admin sub-navigation. */
import { NavLink } from "@remix-run/react";
import type { ReactNode } from "react";
import { ErrorList, type ListOfErrors } from "./forms";

type RadioGroupProps = {
  id: string;
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  errors?: ListOfErrors;
  options: Array<{ value: string; label: ReactNode }>;
  defaultValue?: string | null;
  disabled?: boolean;
};

/** A fieldset of radio buttons with its legend, hint and error, like forms.tsx's fields. */
export function RadioGroup({ id, name, legend, hint, errors, options, defaultValue, disabled }: RadioGroupProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.some(Boolean) ? `${id}-error` : undefined;
  return (
    <div className={`field${errorId ? " field--error" : ""}`}>
      <fieldset className="fieldset" aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}>
        <legend className="fieldset__legend">{legend}</legend>
        {hint ? (
          <div id={hintId} className="field__hint">
            {hint}
          </div>
        ) : null}
        <ErrorList id={errorId} errors={errors} />
        <div className="radios">
          {options.map((option, i) => {
            const optionId = i === 0 ? id : `${id}-${option.value}`;
            return (
              <div className="radios__item" key={option.value}>
                <input
                  className="radios__input"
                  type="radio"
                  id={optionId}
                  name={name}
                  value={option.value}
                  defaultChecked={defaultValue === option.value}
                  disabled={disabled}
                />
                <label className="radios__label" htmlFor={optionId}>
                  {option.label}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

export function JudgingAdminNav({ cycleId }: { cycleId: number }) {
  const q = `?cycle=${cycleId}`;
  return (
    <nav aria-label="Judging administration" className="subnav">
      <ul>
        <li>
          <NavLink to={`/admin/judging${q}`} end>
            Progress and reminders
          </NavLink>
        </li>
        <li>
          <NavLink to={`/admin/judging/assignments${q}`}>Assignments</NavLink>
        </li>
        <li>
          <NavLink to={`/admin/judging/conflicts${q}`}>Conflicts</NavLink>
        </li>
      </ul>
    </nav>
  );
}

export function Notice({ children }: { children: ReactNode }) {
  return (
    <div className="notice" role="status">
      {children}
    </div>
  );
}

/** The confidentiality statement a judge accepts, once for all their panels in a cycle. */
export function ConfidentialityStatement() {
  return (
    <div className="panel-box prose">
      <p>As a judge of the Community Sponsorship Awards I will:</p>
      <ul>
        <li>keep every nomination, supporting statement and file confidential, and not copy or share them;</li>
        <li>keep the scores and discussions of the panel confidential, before and after the winners are announced;</li>
        <li>declare any connection with a nominee, their organisation or the person who nominated them, as soon as I know of it;</li>
        <li>judge each nomination on what it says, against the published criteria.</li>
      </ul>
    </div>
  );
}
