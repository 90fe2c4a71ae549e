import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { UnderEighteenPrivacy } from "~/components/publication-consent";

export const meta: MetaFunction = () => [{ title: "Privacy notice – Community Sponsorship Awards" }];

export default function Privacy() {
  return (
    <div className="prose">
      <h1>Privacy notice</h1>
      <p className="lead">How the Community Sponsorship Awards use the information you give us when you nominate.</p>
      <h2>What we collect</h2>
      <ul>
        <li>about the nominee: their name, organisation, local authority area, and email address if you give it</li>
        <li>for a nominee under 18: their parent or guardian&rsquo;s name, contact details and agreement</li>
        <li>about you: your name, email address, phone number if you give it, organisation and how you know the nominee</li>
        <li>your answers and any files you add</li>
      </ul>
      <h2>Why we use it</h2>
      <p>
        To run the awards: to check nominations, for the judges to score them, to contact you and the nominee about the
        result, and to celebrate the winners. Our lawful basis under UK GDPR is legitimate interests, and for a nominee
        under 18, the consent of their parent or guardian.
      </p>
      <h2>Who sees it</h2>
      <p>
        The awards team and the judges for the category. Judges declare any conflict of interest and do not see
        nominations they are conflicted on. We publish only the names of shortlisted nominees and winners, with a short
        citation. We never sell your information.
      </p>
      <UnderEighteenPrivacy />
      <h2>How long we keep it</h2>
      <p>
        Drafts you never submit, and submissions you never confirm, are removed after the awards cycle ends. We remove the
        personal details in unsuccessful nominations a set time after the awards ceremony. Winners are remembered in our
        public archive.
      </p>
      <h2>Your rights</h2>
      <p>
        You can ask for a copy of the information we hold about you, ask us to correct it, or ask us to delete it. You can
        also complain to the Information Commissioner&rsquo;s Office (ico.org.uk).
      </p>
      <p>
        <Link to="/nominate">Back to nominations</Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
