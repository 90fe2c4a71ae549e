import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useLocalisedPath } from "~/components/i18n";
import { titleFor, translator, translatorFor, type I18nHandle } from "~/i18n";
import { languageOf } from "~/i18n.server";
import { statusPath } from "~/utils/nomination-paths";
import { confirmNomination, peekConfirmation } from "~/models/nomination.server";
import { isAccessToken, nominationCookieHeaders } from "~/utils/nomination-access.server";

export const handle: I18nHandle = { i18n: ["nomination"] };

export const meta: MetaFunction = ({ location }) => [
  { title: titleFor(location.pathname, translatorFor(location.pathname, "nomination")("confirm.title")) },
];

/*
 * Like the sign-in link (docs/decisions/003), opening the link shows a button: mail
 * scanners fetch links before people do, and must not confirm on the nominator's behalf.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const t = url.searchParams.get("t");
  const c = url.searchParams.get("c");
  const nomination = isAccessToken(t) && isAccessToken(c) ? await peekConfirmation(t, c) : null;
  return data(
    nomination ? { valid: true as const, t: t!, c: c!, reference: nomination.reference } : { valid: false as const },
    { status: nomination ? 200 : 400, headers: { "Cache-Control": "no-store" } },
  );
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData();
  const t = formData.get("t");
  const c = formData.get("c");
  const result = isAccessToken(t) && isAccessToken(c) ? await confirmNomination(t, c) : { outcome: "invalid" as const };
  if (result.outcome === "invalid") {
    return data({ error: translator(languageOf(request), "nomination")("confirm.expired") }, { status: 400 });
  }
  return redirect(statusPath(result.slug, languageOf(request)), { headers: nominationCookieHeaders(result.slug, t as string) });
}

export default function ConfirmNomination() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("nomination");
  const path = useLocalisedPath();
  if (!loaded.valid || actionData?.error) {
    return (
      <div className="prose">
        <h1>{t("confirm.brokenHeading")}</h1>
        <p>{t("confirm.brokenText")}</p>
        <p>
          <Link to={path("/nominate")}>{t("confirm.toNominations")}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="prose narrow">
      <h1>{t("confirm.heading")}</h1>
      <p>{t("confirm.text", { reference: loaded.reference })}</p>
      <Form method="post">
        <input type="hidden" name="t" value={loaded.t} />
        <input type="hidden" name="c" value={loaded.c} />
        <button type="submit" className="button">
          {t("confirm.button")}
        </button>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
