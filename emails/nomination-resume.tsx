import { Button, Heading, Link, Text } from "@react-email/components";
import { EmailLayout, paragraph } from "./layout";

export type NominationResumeProps = { name: string; category: string; reference: string; url: string; closes: string };

/** Sent when the nominator first gives their email: the link continues the draft on any device. */
export function NominationResumeEmail({ name, category, reference, url, closes }: NominationResumeProps) {
  return (
    <EmailLayout preview={`Your draft nomination for ${category}`}>
      <Heading as="h1" style={{ fontSize: "22px" }}>
        Your draft nomination is saved
      </Heading>
      <Text style={paragraph}>Hello {name},</Text>
      <Text style={paragraph}>
        We have saved your nomination for {category} (reference {reference}). Use this link to carry on, on this device
        or another one. Keep it private: anyone with the link can open your nomination.
      </Text>
      <Button href={url} style={{ backgroundColor: "#00703c", color: "#ffffff", padding: "10px 16px", fontSize: "16px" }}>
        Continue your nomination
      </Button>
      <Text style={paragraph}>
        Or copy this address into your browser: <Link href={url}>{url}</Link>
      </Text>
      <Text style={paragraph}>Nominations close on {closes} (UK time). A draft is not a nomination until you submit it.</Text>
    </EmailLayout>
  );
}

export default NominationResumeEmail;
