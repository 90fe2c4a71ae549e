import { Button, Heading, Text } from "@react-email/components";
import { EmailLayout, paragraph } from "./layout";

export type JudgingReminderProps = {
  name: string;
  url: string;
  progress: string;
  /** Only what the judge can see: assigned, visible and not yet submitted. */
  unscored: Array<{ reference: string; nomineeName: string; category: string }>;
  /** Panels whose statement or declarations are still to do; their nominations are not named. */
  waitingPanels: Array<{ category: string; count: number }>;
  deadline: string | null;
  /** The reminder is about the optional final round. */
  finalRound?: boolean;
};

export function JudgingReminderEmail({ name, url, progress, unscored, waitingPanels, deadline, finalRound = false }: JudgingReminderProps) {
  return (
    <EmailLayout preview="A reminder to finish your judging">
      <Heading as="h1" style={{ fontSize: "22px" }}>
        A reminder to finish your judging
      </Heading>
      <Text style={paragraph}>Hello {name},</Text>
      <Text style={paragraph}>
        You have {progress}
        {finalRound ? " in the final round" : ""}.
        {deadline ? ` ${finalRound ? "The final round" : "Judging"} closes on ${deadline} (UK time).` : ""}
      </Text>
      {unscored.length > 0 ? (
        <>
          <Text style={paragraph}>Still to submit:</Text>
          <ul>
            {unscored.map((n) => (
              <li key={n.reference} style={paragraph}>
                {n.nomineeName} ({n.category}, {n.reference})
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {waitingPanels.map((p) => (
        <Text key={p.category} style={paragraph}>
          {p.count} {p.count === 1 ? "nomination" : "nominations"} in {p.category} {p.count === 1 ? "is" : "are"} waiting
          for you: sign in, accept the confidentiality statement and declare any conflicts of interest to see{" "}
          {p.count === 1 ? "it" : "them"}.
        </Text>
      ))}
      <Button href={url} style={{ backgroundColor: "#00703c", color: "#ffffff", padding: "10px 16px", fontSize: "16px" }}>
        Go to your judging page
      </Button>
    </EmailLayout>
  );
}

export default JudgingReminderEmail;
