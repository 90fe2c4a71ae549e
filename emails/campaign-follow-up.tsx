import { Heading, Link, Text } from "@react-email/components";
import { EmailLayout, paragraph } from "./layout";

export type CampaignFollowUpProps = {
  name: string;
  mpName: string;
  campaign: string;
  links: { repliedYes: string; repliedNo: string; signedYes: string; signedNo: string };
  briefingUrl: string;
};

/** Fourteen days after a letter: did the MP reply, and sign? One click records each answer. */
export function CampaignFollowUpEmail({ name, mpName, campaign, links, briefingUrl }: CampaignFollowUpProps) {
  return (
    <EmailLayout preview={`Did ${mpName} reply to your letter?`}>
      <Heading as="h1" style={{ fontSize: "22px" }}>
        Did {mpName} reply?
      </Heading>
      <Text style={paragraph}>Hello {name},</Text>
      <Text style={paragraph}>
        Two weeks ago you wrote to {mpName} for {campaign}. Your answers help us see where MPs are listening. Select one
        link for each question.
      </Text>
      <Text style={paragraph}>
        Has your MP replied? <Link href={links.repliedYes}>Yes, they replied</Link> or{" "}
        <Link href={links.repliedNo}>No reply yet</Link>
      </Text>
      <Text style={paragraph}>
        Has your MP signed the commitment form? <Link href={links.signedYes}>Yes, they signed</Link> or{" "}
        <Link href={links.signedNo}>Not signed</Link>
      </Text>
      <Text style={paragraph}>
        Meeting them? The briefing is here: <Link href={briefingUrl}>{briefingUrl}</Link>
      </Text>
    </EmailLayout>
  );
}

export default CampaignFollowUpEmail;
