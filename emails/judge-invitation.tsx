import { Button, Heading, Link, Text } from "@react-email/components";
import { EmailLayout, paragraph } from "./layout";

export type JudgeInvitationProps = { name: string; url: string; days: number; invitedBy: string; loginUrl: string };

export function JudgeInvitationEmail({ name, url, days, invitedBy, loginUrl }: JudgeInvitationProps) {
  return (
    <EmailLayout preview="You are invited to judge the Community Sponsorship Awards">
      <Heading as="h1" style={{ fontSize: "22px" }}>
        You are invited to judge the awards
      </Heading>
      <Text style={paragraph}>Hello {name},</Text>
      <Text style={paragraph}>
        {invitedBy} has invited you to join the judges of the Community Sponsorship Awards. Judges read the nominations
        of their panel online and score them against a short rubric. You do not need a password: you sign in with a link
        sent by email.
      </Text>
      <Text style={paragraph}>Use this link to sign in for the first time. It works once and expires in {days} days.</Text>
      <Button href={url} style={{ backgroundColor: "#00703c", color: "#ffffff", padding: "10px 16px", fontSize: "16px" }}>
        Accept and sign in
      </Button>
      <Text style={paragraph}>
        Or copy this address into your browser: <Link href={url}>{url}</Link>
      </Text>
      <Text style={paragraph}>
        After that, ask for a new sign-in link whenever you need one at <Link href={loginUrl}>{loginUrl}</Link>.
      </Text>
    </EmailLayout>
  );
}

export default JudgeInvitationEmail;
