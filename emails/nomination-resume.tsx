import { Button, Heading, Link, Text } from "@react-email/components";
import type { Language, LocalisedText } from "~/domain/language";
import { emailText } from "./i18n";
import { EmailLayout, paragraph } from "./layout";

export type NominationResumeProps = { language: Language; name: string; category: LocalisedText; reference: string; url: string; closes: Date | null };

export function nominationResumeSubject({ language, category }: Pick<NominationResumeProps, "language" | "category">) {
  return emailText(language).t("resume.subject", { category: category.text });
}

/** Sent when the nominator first gives their email: the link continues the draft on any device. */
export function NominationResumeEmail({ language, name, category, reference, url, closes }: NominationResumeProps) {
  const e = emailText(language);
  return (
    <EmailLayout preview={e.t("resume.subject", { category: category.text })} language={language}>
      <Heading as="h1" style={{ fontSize: "22px" }}>
        {e.t("resume.heading")}
      </Heading>
      <Text style={paragraph}>{e.t("layout.hello", { name })}</Text>
      <Text style={paragraph}>{e.rich("resume.body", { category: e.text(category), reference })}</Text>
      <Button href={url} style={{ backgroundColor: "#00703c", color: "#ffffff", padding: "10px 16px", fontSize: "16px" }}>
        {e.t("resume.button")}
      </Button>
      <Text style={paragraph}>
        {e.t("layout.copyAddress")} <Link href={url}>{url}</Link>
      </Text>
      <Text style={paragraph}>{e.t("resume.closes", { date: e.date(closes) })}</Text>
    </EmailLayout>
  );
}

export default NominationResumeEmail;
