import { Button, Heading, Link, Text } from "@react-email/components";
import type { Language, LocalisedText } from "~/domain/language";
import { emailText } from "./i18n";
import { EmailLayout, paragraph } from "./layout";

export type CampaignLetterConfirmProps = { language: Language; name: string; campaign: LocalisedText; mpName: string; url: string; days: number };

export function campaignLetterConfirmSubject({ language, mpName }: Pick<CampaignLetterConfirmProps, "language" | "mpName">) {
  return emailText(language).t("letter.confirmSubject", { mp: mpName });
}

/** Sent when a supporter writes, in the language of the page they wrote on: the letter goes to the MP only once they open this link. */
export function CampaignLetterConfirmEmail({ language, name, campaign, mpName, url, days }: CampaignLetterConfirmProps) {
  const e = emailText(language);
  return (
    <EmailLayout preview={e.t("letter.confirmHeading", { mp: mpName })} language={language}>
      <Heading as="h1" style={{ fontSize: "22px" }}>
        {e.t("letter.confirmHeading", { mp: mpName })}
      </Heading>
      <Text style={paragraph}>{e.t("layout.hello", { name })}</Text>
      <Text style={paragraph}>{e.rich("letter.confirmBody", { campaign: e.text(campaign) })}</Text>
      <Button href={url} style={{ backgroundColor: "#00703c", color: "#ffffff", padding: "10px 16px", fontSize: "16px" }}>
        {e.t("letter.confirmButton")}
      </Button>
      <Text style={paragraph}>
        {e.t("layout.copyAddress")} <Link href={url}>{url}</Link>
      </Text>
      <Text style={paragraph}>{e.t("letter.linkWorks", { count: days })}</Text>
    </EmailLayout>
  );
}

export default CampaignLetterConfirmEmail;
