import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BrokenLink, ConfirmByButton } from "~/components/confirm-link";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useLocalisedPath } from "~/components/i18n";
import { titleFor, translator, translatorFor, type I18nHandle } from "~/i18n";
import { languageOf } from "~/i18n.server";
import { statusPath } from "~/utils/nomination-paths";
import { confirmNomination, peekConfirmation } from "~/models/nomination.server";
import { linkSecrets, NO_STORE } from "~/utils/confirm-link.server";
import { nominationCookieHeaders } from "~/utils/nomination-access.server";

export const handle: I18nHandle = { i18n: ["nomination"] };

export const meta: MetaFunction = ({ location }) => [
  { title: titleFor(location.pathname, translatorFor(location.pathname, "nomination")("confirm.title")) },
];

/*
 * Like the sign-in link (docs/decisions/003), opening the link shows a button: mail
 * scanners fetch links before people do, and must not confirm on the nominator's behalf.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const secrets = linkSecrets(new URL(request.url), "t", "c");
  const nomination = secrets ? await peekConfirmation(secrets.t, secrets.c) : null;
  return data(nomination && secrets ? { valid: true as const, secrets, reference: nomination.reference } : { valid: false as const }, {
    status: nomination ? 200 : 400,
    headers: NO_STORE,
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const secrets = linkSecrets(await request.formData(), "t", "c");
  const result = secrets ? await confirmNomination(secrets.t, secrets.c) : { outcome: "invalid" as const };
  if (result.outcome === "invalid" || !secrets) {
    return data({ error: translator(languageOf(request), "nomination")("confirm.expired") }, { status: 400 });
  }
  return redirect(statusPath(result.slug, languageOf(request)), { headers: nominationCookieHeaders(result.slug, secrets.t) });
}

export default function ConfirmNomination() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("nomination");
  const path = useLocalisedPath();
  if (!loaded.valid || actionData?.error) {
    return (
      <BrokenLink heading={t("confirm.brokenHeading")} to={path("/nominate")} linkText={t("confirm.toNominations")}>
        {t("confirm.brokenText")}
      </BrokenLink>
    );
  }
  return (
    <ConfirmByButton heading={t("confirm.heading")} secrets={loaded.secrets} button={t("confirm.button")}>
      {t("confirm.text", { reference: loaded.reference })}
    </ConfirmByButton>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
