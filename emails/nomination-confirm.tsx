import { Button, Heading, Link, Text } from "@react-email/components";
import type { Language, LocalisedText } from "~/domain/language";
import { emailText } from "./i18n";
import { EmailLayout, paragraph } from "./layout";

export type NominationConfirmProps = { language: Language; name: string; category: LocalisedText; nominee: string; url: string; days: number };

export function nominationConfirmSubject({ language }: Pick<NominationConfirmProps, "language">) {
  return emailText(language).t("confirm.subject");
}

/** Sent on submit: opening the link proves the nominator's email, and only then does the nomination count. */
export function NominationConfirmEmail({ language, name, category, nominee, url, days }: NominationConfirmProps) {
  const e = emailText(language);
  return (
    <EmailLayout preview={e.t("confirm.heading")} language={language}>
      <Heading as="h1" style={{ fontSize: "22px" }}>
        {e.t("confirm.heading")}
      </Heading>
      <Text style={paragraph}>{e.t("layout.hello", { name })}</Text>
      <Text style={paragraph}>{e.rich("confirm.body", { nominee, category: e.text(category) })}</Text>
      <Button href={url} style={{ backgroundColor: "#00703c", color: "#ffffff", padding: "10px 16px", fontSize: "16px" }}>
        {e.t("confirm.button")}
      </Button>
      <Text style={paragraph}>
        {e.t("layout.copyAddress")} <Link href={url}>{url}</Link>
      </Text>
      <Text style={paragraph}>{e.t("confirm.linkWorks", { count: days })}</Text>
    </EmailLayout>
  );
}

export default NominationConfirmEmail;
