import { Button, Heading, Link, Text } from "@react-email/components";
import { EmailLayout, paragraph } from "./layout";

export type SignInLinkProps = { name: string; url: string; minutes: number };

export function SignInLinkEmail({ name, url, minutes }: SignInLinkProps) {
  return (
    <EmailLayout preview="Your sign-in link for the Community Sponsorship Awards">
      <Heading as="h1" style={{ fontSize: "22px" }}>
        Sign in to the awards portal
      </Heading>
      <Text style={paragraph}>Hello {name},</Text>
      <Text style={paragraph}>Use this link to sign in. It works once and expires in {minutes} minutes.</Text>
      <Button href={url} style={{ backgroundColor: "#00703c", color: "#ffffff", padding: "10px 16px", fontSize: "16px" }}>
        Sign in
      </Button>
      <Text style={paragraph}>
        Or copy this address into your browser: <Link href={url}>{url}</Link>
      </Text>
      <Text style={paragraph}>If you did not ask to sign in, you can ignore this email. Nobody can sign in without it.</Text>
    </EmailLayout>
  );
}

export default SignInLinkEmail;
