import { Button, Heading, Link, Section, Text } from "@react-email/components";
import type { Language, LocalisedText } from "~/domain/language";
import type { SummarySection } from "~/domain/nomination-forms";
import { emailText, type EmailText } from "./i18n";
import { EmailLayout, paragraph } from "./layout";

export type NominationReceiptProps = {
  language: Language;
  name: string;
  category: LocalisedText;
  reference: string;
  /** The nominator's private link; an updated receipt made later may not have it. */
  url: string | null;
  closes: Date | null;
  sections: SummarySection[];
  /** The labels of the category's questions, by summary field, in the reader's language where written. */
  questionLabels?: Record<string, LocalisedText>;
  /** An updated receipt, after the nominator changed a submitted nomination. */
  updated?: boolean;
};

export function nominationReceiptSubject({ language, reference, updated }: Pick<NominationReceiptProps, "language" | "reference" | "updated">) {
  return emailText(language).t(updated ? "receipt.subjectUpdated" : "receipt.subject", { reference });
}

/** The names of the kinds of nominee, in the reader's language (the summary's "Who you are nominating"). */
export function nomineeTypeLabels(language: Language): Record<string, string> {
  const e = emailText(language);
  return {
    group: e.t("receipt.nomineeType.group"),
    individual: e.t("receipt.nomineeType.individual"),
    council: e.t("receipt.nomineeType.council"),
    international: e.t("receipt.nomineeType.international"),
  };
}

// The summary's fixed answers, as summariseNomination writes them (an answer typed by the nominator is left alone).
const FIXED_VALUES: Record<
  string,
  | "receipt.value.yes"
  | "receipt.value.no"
  | "receipt.value.notGiven"
  | "receipt.value.none"
  | "receipt.value.publicationFull"
  | "receipt.value.publicationFirstName"
  | "receipt.value.publicationNotNamed"
> = {
  "Full name": "receipt.value.publicationFull",
  "First name only": "receipt.value.publicationFirstName",
  "Not named": "receipt.value.publicationNotNamed",
  Yes: "receipt.value.yes",
  No: "receipt.value.no",
  "Not given": "receipt.value.notGiven",
  None: "receipt.value.none",
};

function rowLabel(e: EmailText, row: SummarySection["rows"][number], questionLabels: Record<string, LocalisedText>) {
  if (!row.field) return row.label;
  const question = questionLabels[row.field];
  if (question) return e.text(question);
  const key = `receipt.field.${row.field}`;
  return e.has(key) ? e.t(key as "receipt.field.file") : row.label;
}

function rowValue(e: EmailText, row: SummarySection["rows"][number], isAnswer: boolean) {
  const key = FIXED_VALUES[row.value];
  if (!key || (isAnswer && row.value !== "Not given")) return row.value;
  return e.t(key);
}

function sectionTitle(e: EmailText, section: SummarySection) {
  const key = `receipt.section.${section.step}`;
  return e.has(key) ? e.t(key as "receipt.section.case") : section.title;
}

/** Sent when the nomination is confirmed: the reference, a copy of the answers, and the link to change or withdraw. */
export function NominationReceiptEmail(props: NominationReceiptProps) {
  const { language, name, category, reference, url, closes, sections, updated } = props;
  const questionLabels = props.questionLabels ?? {};
  const e = emailText(language);
  const heading = e.t(updated ? "receipt.headingUpdated" : "receipt.heading");
  return (
    <EmailLayout preview={`${heading}: ${reference}`} language={language}>
      <Heading as="h1" style={{ fontSize: "22px" }}>
        {heading}
      </Heading>
      <Text style={paragraph}>{e.t("layout.hello", { name })}</Text>
      <Text style={paragraph}>
        {e.rich(updated ? "receipt.receivedUpdated" : "receipt.received", { category: e.text(category), reference: <strong>{reference}</strong> })}
      </Text>
      <Text style={paragraph}>{e.t("receipt.change", { date: e.date(closes) })}</Text>
      {url ? (
        <>
          <Button href={url} style={{ backgroundColor: "#00703c", color: "#ffffff", padding: "10px 16px", fontSize: "16px" }}>
            {e.t("receipt.button")}
          </Button>
          <Text style={paragraph}>
            {e.t("layout.copyAddress")} <Link href={url}>{url}</Link>
          </Text>
        </>
      ) : (
        <Text style={paragraph}>{e.t("receipt.noLink")}</Text>
      )}
      <Heading as="h2" style={{ fontSize: "19px" }}>
        {e.t(updated ? "receipt.answersUpdated" : "receipt.answers")}
      </Heading>
      {sections.map((section) => (
        <Section key={section.step}>
          <Heading as="h3" style={{ fontSize: "17px" }}>
            {sectionTitle(e, section)}
          </Heading>
          {section.rows.map((row) => (
            <Text key={row.field ?? row.label} style={paragraph}>
              <strong>{rowLabel(e, row, questionLabels)}</strong>
              <br />
              {rowValue(e, row, row.field !== undefined && row.field in questionLabels)}
            </Text>
          ))}
        </Section>
      ))}
    </EmailLayout>
  );
}

export default NominationReceiptEmail;
