import { Button, Heading, Link, Text } from "@react-email/components";
import { EmailLayout, paragraph } from "./layout";

export type NominationConfirmProps = { name: string; category: string; nominee: string; url: string; days: number };

/** Sent on submit: opening the link proves the nominator's email, and only then does the nomination count. */
export function NominationConfirmEmail({ name, category, nominee, url, days }: NominationConfirmProps) {
  return (
    <EmailLayout preview="Confirm your nomination">
      <Heading as="h1" style={{ fontSize: "22px" }}>
        Confirm your nomination
      </Heading>
      <Text style={paragraph}>Hello {name},</Text>
      <Text style={paragraph}>
        Thank you for nominating {nominee} for {category}. To finish, confirm that this is your email address. Your
        nomination only counts once you have done this.
      </Text>
      <Button href={url} style={{ backgroundColor: "#00703c", color: "#ffffff", padding: "10px 16px", fontSize: "16px" }}>
        Confirm your nomination
      </Button>
      <Text style={paragraph}>
        Or copy this address into your browser: <Link href={url}>{url}</Link>
      </Text>
      <Text style={paragraph}>
        The link works for {days} days. After that your nomination goes back to being a draft, and you can submit it
        again.
      </Text>
    </EmailLayout>
  );
}

export default NominationConfirmEmail;
