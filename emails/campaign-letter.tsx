import { Body, Container, Head, Html, Preview, Text } from "@react-email/components";
import { HTML_LANG, type Language } from "~/domain/language";
import { paragraph } from "./layout";

export type CampaignLetterProps = {
  mpName: string;
  constituency: string;
  senderName: string;
  senderAddress: string;
  senderPostcode: string;
  senderEmail: string;
  body: string;
  /** Set on the sender's copy, in the sender's language (the letter around it is what the MP received). */
  copyNote?: string;
  copyLanguage?: Language;
};

/**
 * The supporter's own letter, to their MP (Reply-To the sender), and the copy to the sender.
 * The letter is their own words in whatever language they wrote; its framing ("Dear …", the
 * note that it was confirmed) stays English because it is read in an MP's office at
 * Westminster. Only the note on the sender's copy is in the sender's language.
 */
export function CampaignLetterEmail(props: CampaignLetterProps) {
  return (
    <Html lang="en-GB">
      <Head />
      <Preview>{`A letter from ${props.senderName}, a constituent in ${props.constituency}`}</Preview>
      <Body style={{ backgroundColor: "#ffffff", fontFamily: "Arial, Helvetica, sans-serif", color: "#0b0c0c" }}>
        <Container style={{ maxWidth: "560px", padding: "16px" }}>
          {props.copyNote ? (
            <Text style={{ ...paragraph, fontWeight: "bold" }} lang={props.copyLanguage && props.copyLanguage !== "en" ? HTML_LANG[props.copyLanguage] : undefined}>
              {props.copyNote}
            </Text>
          ) : null}
          <Text style={paragraph}>Dear {props.mpName},</Text>
          {props.body.split(/\n\s*\n/).map((p, i) => (
            <Text key={i} style={{ ...paragraph, whiteSpace: "pre-line" }}>
              {p.trim()}
            </Text>
          ))}
          <Text style={paragraph}>
            {props.senderName}
            <br />
            {props.senderAddress}
            <br />
            {props.senderPostcode}
            <br />
            {props.senderEmail}
          </Text>
          <Text style={{ fontSize: "13px", color: "#505a5f" }}>
            {props.senderName} wrote this letter in their own words and confirmed their email address before it was sent.
            They live in {props.constituency}. Replying to this email reaches them directly.
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

export default CampaignLetterEmail;
