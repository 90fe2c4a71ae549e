/**
 * The guardian's separate consent to publication of an under-18 nominee: its own fieldset
 * in the nominee step. The naming rule itself is app/domain/public-naming.ts.
 */
import { PUBLICATION_CONSENT_HINTS, PUBLICATION_CONSENT_LABELS } from "~/domain/public-naming";
import { PUBLICATION_CONSENTS } from "~/domain/vocabulary";
import { RadioGroup } from "./nomination";

type ChoiceField = Parameters<typeof RadioGroup>[0]["field"];

export function PublicationConsentFieldset({ field }: { field: ChoiceField }) {
  return (
    <RadioGroup
      field={field}
      legend="If they are shortlisted or win, how does their parent or guardian agree they may be named in public?"
      hint="This is separate from agreeing to the nomination. It applies to the results pages, the archive, what we share online and emails to anyone other than you and their parent or guardian. Their parent or guardian can change it later by contacting us."
      options={PUBLICATION_CONSENTS.map((value) => ({
        value,
        label: PUBLICATION_CONSENT_LABELS[value],
        hint: PUBLICATION_CONSENT_HINTS[value],
      }))}
    />
  );
}

/** The privacy notice's part on nominees under 18 and their guardian's consent to publication. */
export function UnderEighteenPrivacy() {
  return (
    <section aria-labelledby="under-18-privacy">
      <h2 id="under-18-privacy">Nominees under 18</h2>
      <p>
        A nominee under 18 needs two separate agreements from their parent or guardian: one to the nomination itself, and
        one to how they may be named in public if they are shortlisted or win. We record the choice and when it was made.
        The choices are:
      </p>
      <ul>
        <li>full name: their name, group or organisation and local authority area are shown, as for any nominee;</li>
        <li>first name only: only their first name and local authority area are shown;</li>
        <li>not named: they are shown only as &ldquo;A young champion&rdquo; from their local authority area.</li>
      </ul>
      <p>
        Unless the full name was agreed, we never publish their surname or their group or organisation (a school, place
        of worship or sponsorship group), and we take them out of the judges&rsquo; citation. This applies to the results
        pages, the archive, what we share online and emails to anyone other than their nominator and their parent or
        guardian. If no choice was recorded, they are not named. Their parent or guardian is told how they are named when
        the results are published, and can change the choice at any time by contacting us.
      </p>
    </section>
  );
}
