import { Heading, Section, Text } from "@react-email/components";
import { EmailLayout, paragraph } from "./layout";

export type NominationFeedbackProps = {
  /** "nominator": you nominated them; "nominee": you were nominated; "guardian": your child was nominated. */
  audience: "nominator" | "nominee" | "guardian";
  recipientName: string;
  nomineeName: string;
  categoryName: string;
  year: number;
  /** The judges' comments, anonymised and reviewed by the awards team; never a judge's name. */
  comments: string[];
};

export function feedbackSubject({ categoryName, year }: Pick<NominationFeedbackProps, "categoryName" | "year">) {
  return `What the judges said: ${categoryName}, Community Sponsorship Awards ${year}`;
}

/** The judges' comments on one nomination, sent once when an admin releases them. */
export function NominationFeedbackEmail({ audience, recipientName, nomineeName, categoryName, year, comments }: NominationFeedbackProps) {
  const about =
    audience === "nominee"
      ? `your nomination for ${categoryName}`
      : audience === "guardian"
        ? `the nomination of ${nomineeName}, your child, for ${categoryName}`
        : `your nomination of ${nomineeName} for ${categoryName}`;
  return (
    <EmailLayout preview={`What the judges said about ${about}`}>
      <Heading as="h1" style={{ fontSize: "22px" }}>
        What the judges said
      </Heading>
      <Text style={paragraph}>Dear {recipientName},</Text>
      <Text style={paragraph}>
        Thank you for taking part in the Community Sponsorship Awards {year}. Every nomination was read by several judges.
        Here is what they wrote about {about}.
      </Text>
      <Section>
        {comments.map((comment, i) => (
          <Text key={i} style={{ ...paragraph, borderLeft: "4px solid #b1b4b6", paddingLeft: "12px" }}>
            {comment}
          </Text>
        ))}
      </Section>
      <Text style={paragraph}>
        The comments are shared without the judges&apos; names and may have been shortened by the awards team. Not every
        judge&apos;s comment is shared.
      </Text>
    </EmailLayout>
  );
}

export default NominationFeedbackEmail;
