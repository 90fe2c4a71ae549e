import { Heading, Section, Text } from "@react-email/components";
import type { Language, LocalisedText } from "~/domain/language";
import { emailText } from "./i18n";
import { EmailLayout, paragraph } from "./layout";

export type NominationFeedbackProps = {
  language: Language;
  /** "nominator": you nominated them; "nominee": you were nominated; "guardian": your child was nominated. */
  audience: "nominator" | "nominee" | "guardian";
  recipientName: string;
  nomineeName: string;
  categoryName: LocalisedText;
  year: number;
  /** The judges' comments, anonymised and reviewed by the awards team; never a judge's name. Written in English. */
  comments: string[];
};

export function feedbackSubject({ language, categoryName, year }: Pick<NominationFeedbackProps, "language" | "categoryName" | "year">) {
  return emailText(language).t("feedback.subject", { category: categoryName.text, year });
}

/** The judges' comments on one nomination, sent once when an admin releases them. */
export function NominationFeedbackEmail({ language, audience, recipientName, nomineeName, categoryName, year, comments }: NominationFeedbackProps) {
  const e = emailText(language);
  const about = `feedback.about.${audience}` as const;
  // The judging is in English: in another language's email the comments are marked as English.
  const lang = language === "en" ? undefined : "en-GB";
  return (
    <EmailLayout preview={e.t("feedback.preview", { about: e.t(about, { nominee: nomineeName, category: categoryName.text }) })} language={language}>
      <Heading as="h1" style={{ fontSize: "22px" }}>
        {e.t("feedback.heading")}
      </Heading>
      <Text style={paragraph}>{e.t("layout.dear", { name: recipientName })}</Text>
      <Text style={paragraph}>
        {e.t("feedback.intro", { year })} {e.rich("feedback.here", { about: e.rich(about, { nominee: nomineeName, category: e.text(categoryName) }) })}
      </Text>
      <Section>
        {comments.map((comment, i) => (
          <Text key={i} lang={lang} style={{ ...paragraph, borderLeft: "4px solid #b1b4b6", paddingLeft: "12px" }}>
            {comment}
          </Text>
        ))}
      </Section>
      <Text style={paragraph}>{e.t("feedback.note")}</Text>
    </EmailLayout>
  );
}

export default NominationFeedbackEmail;
