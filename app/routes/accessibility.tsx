import type { MetaFunction } from "@remix-run/node";
import { Link, useRouteLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { DEFAULT_CONTACT_EMAIL, pageTitle } from "~/content/site";
import type { loader as rootLoader } from "~/root";

export const meta: MetaFunction = () => [{ title: pageTitle("Accessibility statement") }];

export default function AccessibilityStatement() {
  const contactEmail = useRouteLoaderData<typeof rootLoader>("root")?.contactEmail ?? DEFAULT_CONTACT_EMAIL;
  return (
    <div className="prose">
      <h1>Accessibility statement</h1>
      <p className="lead">
        We want everyone to be able to nominate, judge and follow the Community Sponsorship Awards, whatever device or
        assistive technology they use.
      </p>
      <h2>How accessible this website is</h2>
      <p>
        This website aims to meet the Web Content Accessibility Guidelines (WCAG) version 2.2 at level AA. You should be
        able to:
      </p>
      <ul>
        <li>use every page and form with a keyboard, a screen reader or speech recognition</li>
        <li>use it on a phone, and zoom to 400% without text spilling off the screen or scrolling sideways</li>
        <li>nominate with JavaScript turned off</li>
        <li>save a nomination at any step and finish it later, on any device, without losing what you typed</li>
      </ul>
      <h2>What is known not to meet the standard</h2>
      <ul>
        <li>
          Some wide administration tables (the audit log, results and exports) scroll sideways inside their own box on small
          screens rather than reflowing.
        </li>
        <li>The public pages are in English only for now. A Welsh version is being prepared.</li>
        <li>Supporting files that nominators upload (PDF and Word documents) may not be accessible; we do not change them.</li>
      </ul>
      <h2>Reporting a problem</h2>
      <p>
        If you find a problem, or need information in a different format, email{" "}
        <a href={`mailto:${contactEmail}`}>{contactEmail}</a>. Tell us the web address of the page and what went wrong. We
        reply within 5 working days.
      </p>
      <p>
        If you are not happy with our reply, you can contact the Equality Advisory and Support Service (EASS).
      </p>
      <h2>How we tested this website</h2>
      <p>
        Every page is checked automatically with axe in a real browser, with and without JavaScript, at desktop and phone
        widths, and the main journeys are tested with a keyboard and a screen reader. This statement was last reviewed in
        November 2026.
      </p>
      <p>
        <Link to="/privacy">Read our privacy notice</Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
