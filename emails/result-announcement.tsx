import { Heading, Link, Text } from "@react-email/components";
import type { Language, LocalisedText } from "~/domain/language";
import { emailText } from "./i18n";
import { EmailLayout, paragraph } from "./layout";

export type Outcome = "shortlisted" | "not_shortlisted" | "winner" | "highly_commended" | "not_winner";

export type ResultAnnouncementProps = {
  language: Language;
  outcome: Outcome;
  /** "nominator": you nominated them; "nominee": you were nominated; "guardian": your child was nominated. */
  audience: "nominator" | "nominee" | "guardian";
  recipientName: string;
  nomineeName: string;
  categoryName: LocalisedText;
  year: number;
  citation?: LocalisedText | null;
  /**
   * To an under-18 nominee's guardian: how the public results name their child
   * (app/domain/public-naming.ts): in full, by first name (`shownName`), or not at all.
   */
  naming?: { kind: "full" | "first_name" | "not_named"; shownName: string } | null;
  resultsUrl: string;
};

export function subjectFor({ language, outcome, categoryName, year }: Pick<ResultAnnouncementProps, "language" | "outcome" | "categoryName" | "year">) {
  const e = emailText(language);
  const key = outcome === "shortlisted" || outcome === "winner" || outcome === "highly_commended" ? outcome : "other";
  return e.t(`result.subject.${key}`, { category: categoryName.text, year });
}

/** One message for every published result; the words change with the outcome and the reader. */
export function ResultAnnouncementEmail(props: ResultAnnouncementProps) {
  const { language, outcome, audience, recipientName, nomineeName, categoryName, year, citation, naming, resultsUrl } = props;
  const e = emailText(language);
  const headline = e.t(`result.headline.${outcome}`);
  const reader = audience === "nominee" ? "you" : "them";
  // The public name of a child not named is English words ("A young champion from Leeds"): marked as such in Welsh.
  const shownName = naming?.kind === "not_named" && language !== "en" ? <span lang="en-GB">{naming.shownName}</span> : naming?.shownName;
  return (
    <EmailLayout preview={e.t("result.preview", { headline, category: categoryName.text })} language={language}>
      <Heading as="h1" style={{ fontSize: "22px" }}>
        {headline}
      </Heading>
      <Text style={paragraph}>{e.t("layout.dear", { name: recipientName })}</Text>
      <Text style={paragraph}>{e.rich(`result.line.${outcome}.${reader}`, { nominee: nomineeName, category: e.text(categoryName), year })}</Text>
      {citation?.text ? <Text style={{ ...paragraph, fontStyle: "italic" }}>“{e.text(citation)}”</Text> : null}
      {naming ? (
        <Text style={paragraph}>
          {e.rich(`result.naming.${naming.kind}`, { nominee: nomineeName, shown: shownName })} {e.t("result.namingChange")}
        </Text>
      ) : null}
      <Text style={paragraph}>
        {e.t("result.seeResults")} <Link href={resultsUrl}>{resultsUrl}</Link>
      </Text>
    </EmailLayout>
  );
}

export default ResultAnnouncementEmail;
