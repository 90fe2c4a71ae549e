import { Heading, Text } from "@react-email/components";
import type { Language, LocalisedText } from "~/domain/language";
import { emailText } from "./i18n";
import { EmailLayout, paragraph } from "./layout";

export type NominationWithdrawnProps = { language: Language; name: string; category: LocalisedText; reference: string; nominee: string };

export function nominationWithdrawnSubject({ language, reference }: Pick<NominationWithdrawnProps, "language" | "reference">) {
  return emailText(language).t("withdrawn.subject", { reference });
}

export function NominationWithdrawnEmail({ language, name, category, reference, nominee }: NominationWithdrawnProps) {
  const e = emailText(language);
  return (
    <EmailLayout preview={e.t("withdrawn.subject", { reference })} language={language}>
      <Heading as="h1" style={{ fontSize: "22px" }}>
        {e.t("withdrawn.heading")}
      </Heading>
      <Text style={paragraph}>{e.t("layout.hello", { name })}</Text>
      <Text style={paragraph}>{e.rich("withdrawn.body", { nominee, category: e.text(category), reference })}</Text>
      <Text style={paragraph}>{e.t("withdrawn.notYou")}</Text>
    </EmailLayout>
  );
}

export default NominationWithdrawnEmail;
