/** What an administrator sees of an under-18 nominee's consent to publication (the rule: app/domain/public-naming.ts). */
import { Link } from "@remix-run/react";
import type { NominationStatus } from "~/domain/vocabulary";
import { STATUS_LABELS } from "./admin";

/** An under-18 nominee's consent to publication, as an administrator's summary-list rows. */
export function PublicNamingRows({ naming, consentAt }: { naming: { consent: string; shownAs: string }; consentAt: string | null }) {
  return (
    <>
      <div className="summary-list__row">
        <dt>Consent to publication</dt>
        <dd>
          {naming.consent}
          {consentAt ? <span className="card__meta">, given {consentAt}</span> : null}
        </dd>
      </div>
      <div className="summary-list__row">
        <dt>Named in public as</dt>
        <dd>{naming.shownAs}</dd>
      </div>
    </>
  );
}

type UnderEighteenEntry = {
  id: number;
  reference: string;
  status: NominationStatus;
  category: string;
  nomineeName: string;
  consent: string;
  shownAs: string;
  consentAt: string | null;
};

/** Before publishing: the under-18 nominees on the public lists, and how each will be named. */
export function UnderEighteenPublicationList({ entries }: { entries: UnderEighteenEntry[] }) {
  return (
    <div className="under-18-publication">
      <h3 id="under-18-heading">Under-18 nominees on the public lists</h3>
      {entries.length === 0 ? (
        <p>No shortlisted or winning nominee is under 18.</p>
      ) : (
        <>
          <p>
            Their parent or guardian agreed separately to how they are named in public. The results pages, the archive,
            the share preview and emails to anyone but their nominator and guardian follow it; their group or
            organisation is shown only with the full name. Check each citation names no school, street or surname.
          </p>
          <div className="table-scroll" role="region" aria-labelledby="under-18-heading" tabIndex={0}>
            <table className="table">
              <caption className="visually-hidden">Under-18 nominees and their consent to publication</caption>
              <thead>
                <tr>
                  <th scope="col">Nominee</th>
                  <th scope="col">Category</th>
                  <th scope="col">Status</th>
                  <th scope="col">Consent to publication</th>
                  <th scope="col">Shown in public as</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e) => (
                  <tr key={e.id}>
                    <td>
                      <Link to={`/admin/nominations/${e.id}`}>{e.nomineeName}</Link>
                      <div className="card__meta">{e.reference}</div>
                    </td>
                    <td>{e.category}</td>
                    <td>{STATUS_LABELS[e.status]}</td>
                    <td>
                      {e.consent}
                      {e.consentAt ? <div className="card__meta">given {e.consentAt}</div> : null}
                    </td>
                    <td>{e.shownAs}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
