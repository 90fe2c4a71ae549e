import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useLanguage, useLocalisedPath } from "~/components/i18n";
import { PRIVACY_NOTICE } from "~/content/privacy";
import { titleFor, translatorFor, type I18nHandle } from "~/i18n";

export const handle: I18nHandle = { i18n: ["info"] };

export const meta: MetaFunction = ({ location }) => [{ title: titleFor(location.pathname, translatorFor(location.pathname, "info")("privacy.title")) }];

/** The notice's words are content in both languages (app/content/privacy.ts), reviewed with the code. */
export default function Privacy() {
  const notice = PRIVACY_NOTICE[useLanguage()];
  const path = useLocalisedPath();
  return (
    <div className="prose">
      <h1>{notice.title}</h1>
      <p className="lead">{notice.lead}</p>
      {notice.sections.map((section, i) => (
        <section key={section.heading} aria-labelledby={`privacy-${i}`}>
          <h2 id={`privacy-${i}`}>{section.heading}</h2>
          {section.paragraphs?.map((p) => <p key={p}>{p}</p>)}
          {section.items ? (
            <ul>
              {section.items.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          ) : null}
          {section.after?.map((p) => <p key={p}>{p}</p>)}
        </section>
      ))}
      <p>
        <Link to={path("/nominate")}>{notice.back}</Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
