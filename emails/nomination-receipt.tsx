import { Button, Heading, Link, Section, Text } from "@react-email/components";
import type { SummarySection } from "~/domain/nomination-forms";
import { EmailLayout, paragraph } from "./layout";

export type NominationReceiptProps = {
  name: string;
  category: string;
  reference: string;
  /** The nominator's private link; an updated receipt made later may not have it. */
  url: string | null;
  closes: string;
  sections: SummarySection[];
  /** An updated receipt, after the nominator changed a submitted nomination. */
  updated?: boolean;
};

/** Sent when the nomination is confirmed: the reference, a copy of the answers, and the link to change or withdraw. */
export function NominationReceiptEmail({ name, category, reference, url, closes, sections, updated }: NominationReceiptProps) {
  return (
    <EmailLayout preview={`${updated ? "Nomination updated" : "Nomination received"}: ${reference}`}>
      <Heading as="h1" style={{ fontSize: "22px" }}>
        {updated ? "Nomination updated" : "Nomination received"}
      </Heading>
      <Text style={paragraph}>Hello {name},</Text>
      <Text style={paragraph}>
        {updated
          ? `We have saved your changes to your nomination for ${category}. Your reference is still `
          : `We have received your nomination for ${category}. Your reference is `}
        <strong>{reference}</strong>.
      </Text>
      <Text style={paragraph}>
        You can change your nomination until nominations close on {closes} (UK time), and withdraw it until judging
        starts, from this link. Keep it private.
      </Text>
      {url ? (
        <>
          <Button href={url} style={{ backgroundColor: "#00703c", color: "#ffffff", padding: "10px 16px", fontSize: "16px" }}>
            View your nomination
          </Button>
          <Text style={paragraph}>
            Or copy this address into your browser: <Link href={url}>{url}</Link>
          </Text>
        </>
      ) : (
        <Text style={paragraph}>Use the link in your first receipt to view your nomination.</Text>
      )}
      <Heading as="h2" style={{ fontSize: "19px" }}>
        {updated ? "Your answers as they are now" : "A copy of your answers"}
      </Heading>
      {sections.map((section) => (
        <Section key={section.title}>
          <Heading as="h3" style={{ fontSize: "17px" }}>
            {section.title}
          </Heading>
          {section.rows.map((row) => (
            <Text key={row.label} style={paragraph}>
              <strong>{row.label}</strong>
              <br />
              {row.value}
            </Text>
          ))}
        </Section>
      ))}
    </EmailLayout>
  );
}

export default NominationReceiptEmail;
