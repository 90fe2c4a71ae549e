import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BrokenLink, ConfirmByButton } from "~/components/confirm-link";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useLocalisedPath } from "~/components/i18n";
import { localisedPath } from "~/domain/language-paths";
import { titleFor, translatorFor, type I18nHandle } from "~/i18n";
import { languageOf } from "~/i18n.server";
import { confirmLetter, peekLetterConfirmation } from "~/models/campaign-letter.server";
import { meetPath } from "~/utils/campaign-paths";
import { linkSecrets, NO_STORE } from "~/utils/confirm-link.server";

export const handle: I18nHandle = { i18n: ["campaign"] };

export const meta: MetaFunction = ({ location }) => [{ title: titleFor(location.pathname, translatorFor(location.pathname, "campaign")("confirm.title")) }];

/* Like the nomination's link (docs/decisions/003), the link shows a button: the letter goes only when it is pressed. */
export async function loader({ request }: LoaderFunctionArgs) {
  const secrets = linkSecrets(new URL(request.url), "t");
  const letter = secrets ? await peekLetterConfirmation(secrets.t) : null;
  return data(letter && secrets ? { valid: true as const, secrets, mpName: letter.mpName } : { valid: false as const }, { status: letter ? 200 : 400, headers: NO_STORE });
}

export async function action({ request }: ActionFunctionArgs) {
  const secrets = linkSecrets(await request.formData(), "t");
  const result = secrets ? await confirmLetter(secrets.t) : { outcome: "invalid" as const };
  if (result.outcome === "invalid") return data({ error: true }, { status: 400 });
  return redirect(localisedPath(`${meetPath(result.slug)}?sent=1`, languageOf(request)));
}

export default function ConfirmLetter() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("campaign");
  const path = useLocalisedPath();
  if (!loaded.valid || actionData?.error) {
    return (
      <BrokenLink heading={t("confirm.brokenHeading")} to={path("/campaigns")} linkText={t("confirm.toCampaigns")}>
        {t("confirm.brokenText")}
      </BrokenLink>
    );
  }
  return (
    <ConfirmByButton heading={t("confirm.heading", { name: loaded.mpName })} secrets={loaded.secrets} button={t("confirm.button")}>
      {t("confirm.text")}
    </ConfirmByButton>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
