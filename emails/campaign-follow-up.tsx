import { Heading, Link, Text } from "@react-email/components";
import type { Language, LocalisedText } from "~/domain/language";
import { emailText } from "./i18n";
import { EmailLayout, paragraph } from "./layout";

export type CampaignFollowUpProps = {
  language: Language;
  name: string;
  mpName: string;
  campaign: LocalisedText;
  links: { repliedYes: string; repliedNo: string; signedYes: string; signedNo: string };
  briefingUrl: string;
};

export function campaignFollowUpSubject({ language, mpName }: Pick<CampaignFollowUpProps, "language" | "mpName">) {
  return emailText(language).t("letter.followUpSubject", { mp: mpName });
}

/** Fourteen days after a letter, in the supporter's language: did the MP reply, and sign? One click records each answer. */
export function CampaignFollowUpEmail({ language, name, mpName, campaign, links, briefingUrl }: CampaignFollowUpProps) {
  const e = emailText(language);
  return (
    <EmailLayout preview={e.t("letter.followUpSubject", { mp: mpName })} language={language}>
      <Heading as="h1" style={{ fontSize: "22px" }}>
        {e.t("letter.followUpHeading", { mp: mpName })}
      </Heading>
      <Text style={paragraph}>{e.t("layout.hello", { name })}</Text>
      <Text style={paragraph}>{e.rich("letter.followUpBody", { mp: mpName, campaign: e.text(campaign) })}</Text>
      <Text style={paragraph}>
        {e.t("letter.repliedQuestion")} <Link href={links.repliedYes}>{e.t("letter.repliedYes")}</Link> {e.t("letter.or")}{" "}
        <Link href={links.repliedNo}>{e.t("letter.repliedNo")}</Link>
      </Text>
      <Text style={paragraph}>
        {e.t("letter.signedQuestion")} <Link href={links.signedYes}>{e.t("letter.signedYes")}</Link> {e.t("letter.or")}{" "}
        <Link href={links.signedNo}>{e.t("letter.signedNo")}</Link>
      </Text>
      <Text style={paragraph}>
        {e.t("letter.briefing")} <Link href={briefingUrl}>{briefingUrl}</Link>
      </Text>
    </EmailLayout>
  );
}

export default CampaignFollowUpEmail;
