import { Heading, Text } from "@react-email/components";
import { EmailLayout, paragraph } from "./layout";

export type NominationWithdrawnProps = { name: string; category: string; reference: string; nominee: string };

export function NominationWithdrawnEmail({ name, category, reference, nominee }: NominationWithdrawnProps) {
  return (
    <EmailLayout preview={`Nomination withdrawn: ${reference}`}>
      <Heading as="h1" style={{ fontSize: "22px" }}>
        Your nomination has been withdrawn
      </Heading>
      <Text style={paragraph}>Hello {name},</Text>
      <Text style={paragraph}>
        You withdrew your nomination of {nominee} for {category} (reference {reference}). The judges will not see it.
      </Text>
      <Text style={paragraph}>If you did not do this, contact the awards team at once.</Text>
    </EmailLayout>
  );
}

export default NominationWithdrawnEmail;
