import { Heading, Link, Text } from "@react-email/components";
import { EmailLayout, paragraph } from "./layout";

export type Outcome = "shortlisted" | "not_shortlisted" | "winner" | "highly_commended" | "not_winner";

export type ResultAnnouncementProps = {
  outcome: Outcome;
  /** "nominator": you nominated them; "nominee": you were nominated; "guardian": your child was nominated. */
  audience: "nominator" | "nominee" | "guardian";
  recipientName: string;
  nomineeName: string;
  categoryName: string;
  year: number;
  citation?: string | null;
  /** To an under-18 nominee's guardian: how the public results name their child (app/domain/public-naming.ts). */
  naming?: string | null;
  resultsUrl: string;
};

const HEADLINES: Record<Outcome, string> = {
  shortlisted: "Shortlisted",
  not_shortlisted: "Thank you for taking part",
  winner: "Winner",
  highly_commended: "Highly commended",
  not_winner: "Thank you for taking part",
};

export function subjectFor({ outcome, categoryName, year }: Pick<ResultAnnouncementProps, "outcome" | "categoryName" | "year">) {
  switch (outcome) {
    case "shortlisted":
      return `Shortlisted: ${categoryName}, Community Sponsorship Awards ${year}`;
    case "winner":
      return `Winner: ${categoryName}, Community Sponsorship Awards ${year}`;
    case "highly_commended":
      return `Highly commended: ${categoryName}, Community Sponsorship Awards ${year}`;
    default:
      return `The ${categoryName} results, Community Sponsorship Awards ${year}`;
  }
}

/** One message for every published result; the words change with the outcome and the reader. */
export function ResultAnnouncementEmail(props: ResultAnnouncementProps) {
  const { outcome, audience, recipientName, nomineeName, categoryName, year, citation, naming, resultsUrl } = props;
  const who = audience === "nominee" ? "you" : nomineeName;
  const lines: Record<Outcome, string> = {
    shortlisted: `We are delighted to tell you that ${who} ${audience === "nominee" ? "are" : "is"} on the shortlist for ${categoryName} in the Community Sponsorship Awards ${year}.`,
    not_shortlisted: `Thank you for the nomination of ${nomineeName} for ${categoryName}. The judges read every nomination with care; this year ${audience === "nominee" ? "you were" : "they were"} not shortlisted. The work it describes matters, and we hope to hear from you again.`,
    winner: `Congratulations: ${who} ${audience === "nominee" ? "have" : "has"} won ${categoryName} in the Community Sponsorship Awards ${year}.`,
    highly_commended: `Congratulations: ${who} ${audience === "nominee" ? "have" : "has"} been highly commended in ${categoryName} in the Community Sponsorship Awards ${year}.`,
    not_winner: `Thank you for being part of this year's shortlist for ${categoryName}. The judges have now chosen the winners; this time the award went elsewhere. Being shortlisted is itself a recognition of remarkable work.`,
  };
  return (
    <EmailLayout preview={`${HEADLINES[outcome]}: ${categoryName}`}>
      <Heading as="h1" style={{ fontSize: "22px" }}>
        {HEADLINES[outcome]}
      </Heading>
      <Text style={paragraph}>Dear {recipientName},</Text>
      <Text style={paragraph}>{lines[outcome]}</Text>
      {citation ? <Text style={{ ...paragraph, fontStyle: "italic" }}>“{citation}”</Text> : null}
      {naming ? (
        <Text style={paragraph}>
          {naming} If you would like this changed, reply to this email and we will change the public page.
        </Text>
      ) : null}
      <Text style={paragraph}>
        See the results: <Link href={resultsUrl}>{resultsUrl}</Link>
      </Text>
    </EmailLayout>
  );
}

export default ResultAnnouncementEmail;
