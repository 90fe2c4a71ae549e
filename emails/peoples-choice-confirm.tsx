import { Button, Heading, Link, Text } from "@react-email/components";
import type { Language, LocalisedText } from "~/domain/language";
import { emailText } from "./i18n";
import { EmailLayout, paragraph } from "./layout";

export type PeoplesChoiceConfirmProps = { language: Language; category: LocalisedText; nominee: string; url: string; closes: Date };

export function peoplesChoiceConfirmSubject({ language, nominee }: Pick<PeoplesChoiceConfirmProps, "language" | "nominee">) {
  return emailText(language).t("vote.subject", { nominee });
}

/** Sent when someone votes in People's Choice, in the language of the vote page: the vote counts only once they open this link. */
export function PeoplesChoiceConfirmEmail({ language, category, nominee, url, closes }: PeoplesChoiceConfirmProps) {
  const e = emailText(language);
  return (
    <EmailLayout preview={e.t("vote.preview", { nominee })} language={language}>
      <Heading as="h1" style={{ fontSize: "22px" }}>
        {e.t("vote.heading")}
      </Heading>
      <Text style={paragraph}>{e.rich("vote.body", { nominee, category: e.text(category) })}</Text>
      <Button href={url} style={{ backgroundColor: "#00703c", color: "#ffffff", padding: "10px 16px", fontSize: "16px" }}>
        {e.t("vote.button")}
      </Button>
      <Text style={paragraph}>
        {e.t("layout.copyAddress")} <Link href={url}>{url}</Link>
      </Text>
      <Text style={paragraph}>{e.t("vote.closes", { date: e.date(closes) })}</Text>
    </EmailLayout>
  );
}

export default PeoplesChoiceConfirmEmail;
