import { Button, Heading, Text } from "@react-email/components";
import { EmailLayout, paragraph } from "./layout";

export type JudgingAssignmentsProps = {
  name: string;
  url: string;
  /** Only nominations the judge can already see (statement accepted, conflicts declared). */
  nominations: Array<{ reference: string; nomineeName: string; category: string }>;
  /** Panels whose statement or declarations are still to do; their nominations are not named. */
  waitingPanels: Array<{ category: string; count: number }>;
  deadline: string | null;
  /** The nominations are the shortlist, to be scored again in the optional final round. */
  finalRound?: boolean;
};

export function JudgingAssignmentsEmail({ name, url, nominations, waitingPanels, deadline, finalRound = false }: JudgingAssignmentsProps) {
  return (
    <EmailLayout preview="You have new nominations to judge">
      <Heading as="h1" style={{ fontSize: "22px" }}>
        New nominations to judge
      </Heading>
      <Text style={paragraph}>Hello {name},</Text>
      {nominations.length > 0 ? (
        <>
          <Text style={paragraph}>
            {finalRound
              ? "These shortlisted nominations have been assigned to you for the final round. Score them afresh; your main-round scores are kept as they were:"
              : "These nominations have been assigned to you:"}
          </Text>
          <ul>
            {nominations.map((n) => (
              <li key={n.reference} style={paragraph}>
                {n.nomineeName} ({n.category}, {n.reference})
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {waitingPanels.map((p) => (
        <Text key={p.category} style={paragraph}>
          {p.count} {p.count === 1 ? "nomination" : "nominations"} in {p.category}: sign in, accept the confidentiality
          statement and declare any conflicts of interest to see {p.count === 1 ? "it" : "them"}.
        </Text>
      ))}
      {deadline ? (
        <Text style={paragraph}>
          {finalRound ? "The final round" : "Judging"} closes on {deadline} (UK time).
        </Text>
      ) : null}
      <Button href={url} style={{ backgroundColor: "#00703c", color: "#ffffff", padding: "10px 16px", fontSize: "16px" }}>
        Go to your judging page
      </Button>
    </EmailLayout>
  );
}

export default JudgingAssignmentsEmail;
