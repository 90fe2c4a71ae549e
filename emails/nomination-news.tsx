import { Heading, Text } from "@react-email/components";
import type { Language, LocalisedText } from "~/domain/language";
import { emailText } from "./i18n";
import { EmailLayout, paragraph } from "./layout";

/**
 * What happened to a nomination, told to its nominator (decision 018): combined with
 * another ("merged"), or found not eligible ("ineligible"). The words are in the emails
 * catalogue, app/locales/<language>/emails.json.
 */
export type NominationNewsProps = {
  language: Language;
  name: string;
  reference: string;
  nominee: string;
  category: LocalisedText;
} & ({ kind: "merged"; primaryReference: string } | { kind: "ineligible"; reason: string | null });

export function nominationNewsSubject({ language, kind, reference }: Pick<NominationNewsProps, "language" | "kind" | "reference">) {
  return emailText(language).t(kind === "merged" ? "merged.subject" : "ineligible.subject", { reference });
}

export function NominationNewsEmail(props: NominationNewsProps) {
  const { language, name, reference, nominee, category } = props;
  const e = emailText(language);
  const heading = e.t(props.kind === "merged" ? "merged.heading" : "ineligible.heading");
  const paragraphs =
    props.kind === "merged"
      ? [e.rich("merged.what", { nominee, category: e.text(category), reference, primary: props.primaryReference }), e.t("merged.next")]
      : [
          e.rich("ineligible.what", { nominee, category: e.text(category), reference }),
          props.reason ? e.t("ineligible.reason", { reason: props.reason }) : e.t("ineligible.noReason"),
          e.t("ineligible.closing"),
        ];
  return (
    <EmailLayout preview={heading} language={language}>
      <Heading as="h1" style={{ fontSize: "22px" }}>
        {heading}
      </Heading>
      <Text style={paragraph}>{e.t("layout.hello", { name })}</Text>
      {paragraphs.map((p, i) => (
        <Text key={i} style={paragraph}>
          {p}
        </Text>
      ))}
    </EmailLayout>
  );
}

export default NominationNewsEmail;
