import { Button, Heading, Link, Text } from "@react-email/components";
import { EmailLayout, paragraph } from "./layout";

export type CampaignLetterConfirmProps = { name: string; campaign: string; mpName: string; url: string; days: number };

/** Sent when a supporter writes: the letter goes to the MP only once they open this link. */
export function CampaignLetterConfirmEmail({ name, campaign, mpName, url, days }: CampaignLetterConfirmProps) {
  return (
    <EmailLayout preview={`Confirm your letter to ${mpName}`}>
      <Heading as="h1" style={{ fontSize: "22px" }}>
        Confirm your letter to {mpName}
      </Heading>
      <Text style={paragraph}>Hello {name},</Text>
      <Text style={paragraph}>
        Thank you for writing to your MP for {campaign}. To send your letter, confirm that this is your email address:
        your MP will reply to it. Nothing is sent until you do.
      </Text>
      <Button href={url} style={{ backgroundColor: "#00703c", color: "#ffffff", padding: "10px 16px", fontSize: "16px" }}>
        Confirm and send my letter
      </Button>
      <Text style={paragraph}>
        Or copy this address into your browser: <Link href={url}>{url}</Link>
      </Text>
      <Text style={paragraph}>The link works for {days} days.</Text>
    </EmailLayout>
  );
}

export default CampaignLetterConfirmEmail;
