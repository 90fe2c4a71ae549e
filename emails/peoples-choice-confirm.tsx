import { Button, Heading, Link, Text } from "@react-email/components";
import { EmailLayout, paragraph } from "./layout";

export type PeoplesChoiceConfirmProps = { category: string; nominee: string; url: string; closes: string };

/** Sent when someone votes in People's Choice: the vote counts only once they open this link. */
export function PeoplesChoiceConfirmEmail({ category, nominee, url, closes }: PeoplesChoiceConfirmProps) {
  return (
    <EmailLayout preview={`Confirm your vote for ${nominee}`}>
      <Heading as="h1" style={{ fontSize: "22px" }}>
        Confirm your People&apos;s Choice vote
      </Heading>
      <Text style={paragraph}>
        Thank you for voting for {nominee} in the People&apos;s Choice for {category}. Your vote counts only once you confirm
        that this is your email address.
      </Text>
      <Button href={url} style={{ backgroundColor: "#00703c", color: "#ffffff", padding: "10px 16px", fontSize: "16px" }}>
        Confirm my vote
      </Button>
      <Text style={paragraph}>
        Or copy this address into your browser: <Link href={url}>{url}</Link>
      </Text>
      <Text style={paragraph}>Confirm before voting closes on {closes} (UK time). If you did not vote, ignore this email: nothing is counted.</Text>
    </EmailLayout>
  );
}

export default PeoplesChoiceConfirmEmail;
