/**
 * The guardian's separate consent to publication of an under-18 nominee: its own fieldset
 * in the nominee step. The naming rule itself is app/domain/public-naming.ts.
 */
import { useTranslation } from "react-i18next";
import { PUBLICATION_CONSENTS } from "~/domain/vocabulary";
import { Radios, type ChoiceField } from "./forms";

export function PublicationConsentFieldset({ field }: { field: ChoiceField }) {
  const { t } = useTranslation("nomination");
  return (
    <Radios
      field={field}
      legend={t("nominee.publicationConsent.legend")}
      hint={t("nominee.publicationConsent.hint")}
      options={PUBLICATION_CONSENTS.map((value) => ({
        value,
        label: t(`nominee.publicationConsent.${value}`),
        hint: t(`nominee.publicationConsent.${value}Hint`),
      }))}
    />
  );
}
