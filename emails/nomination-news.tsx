import { Heading, Text } from "@react-email/components";
import { EmailLayout, paragraph } from "./layout";

export type NominationNewsProps = { heading: string; name: string; paragraphs: string[] };

/** What happened to a nomination, told to someone it concerns: the words come from app/domain/nomination-news. */
export function NominationNewsEmail({ heading, name, paragraphs }: NominationNewsProps) {
  return (
    <EmailLayout preview={heading}>
      <Heading as="h1" style={{ fontSize: "22px" }}>
        {heading}
      </Heading>
      <Text style={paragraph}>Hello {name},</Text>
      {paragraphs.map((p) => (
        <Text key={p} style={paragraph}>
          {p}
        </Text>
      ))}
    </EmailLayout>
  );
}

export default NominationNewsEmail;
