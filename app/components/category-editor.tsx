/** The pieces of the category editor's page: what is still to write in Welsh, and the question and criterion lists. */
import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";

function MoveButtons({ intent, id, label, first, last }: { intent: string; id: number; label: string; first: boolean; last: boolean }) {
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="itemId" value={id} />
      {!first ? (
        <button type="submit" name="direction" value="up" className="link-button">
          Move up<span className="visually-hidden">: {label}</span>
        </button>
      ) : null}{" "}
      {!last ? (
        <button type="submit" name="direction" value="down" className="link-button">
          Move down<span className="visually-hidden">: {label}</span>
        </button>
      ) : null}
    </Form>
  );
}

function RemoveButton({ intent, id, label, inUse }: { intent: string; id: number; label: string; inUse: boolean }) {
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="itemId" value={id} />
      <button type="submit" className="link-button">
        {inUse ? "Retire" : "Delete"}
        <span className="visually-hidden">: {label}</span>
      </button>
    </Form>
  );
}

/**
 * The questions or the criteria of a category, in order: a table of the live ones with their
 * edit, move and remove controls, then the retired ones folded away. `kind` names the
 * intents (`question-move`, `criterion-remove`…) and the edit pages' path.
 */
export function ItemList<Item extends { id: number; retired: boolean }>({
  kind,
  categoryId,
  items,
  caption,
  columns,
  cells,
  labelOf,
  inUse,
  retiredSummary,
  retiredLine,
  empty,
}: {
  kind: "question" | "criterion";
  categoryId: number;
  items: Item[];
  caption: string;
  /** Headings of the columns between the item and "Change". */
  columns: string[];
  /** The item's cell, then one per column. */
  cells: (item: Item) => ReactNode[];
  labelOf: (item: Item) => string;
  inUse: (item: Item) => boolean;
  retiredSummary: string;
  retiredLine: (item: Item) => ReactNode;
  empty: string;
}) {
  const live = items.filter((i) => !i.retired);
  const retired = items.filter((i) => i.retired);
  const path = kind === "question" ? "questions" : "criteria";
  return (
    <>
      {live.length ? (
        <table className="table">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th scope="col" key={c}>
                  {c}
                </th>
              ))}
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {live.map((item, i) => (
              <tr key={item.id}>
                {cells(item).map((cell, c) => (
                  <td key={c}>{cell}</td>
                ))}
                <td className="actions-cell">
                  <Link to={`/admin/categories/${categoryId}/${path}/${item.id}`}>
                    Edit<span className="visually-hidden">: {labelOf(item)}</span>
                  </Link>{" "}
                  <MoveButtons intent={`${kind}-move`} id={item.id} label={labelOf(item)} first={i === 0} last={i === live.length - 1} />{" "}
                  <RemoveButton intent={`${kind}-remove`} id={item.id} label={labelOf(item)} inUse={inUse(item)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{empty}</p>
      )}
      {retired.length ? (
        <details>
          <summary>{retiredSummary}</summary>
          <ul>
            {retired.map((item) => (
              <li key={item.id}>{retiredLine(item)}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}

/** What Welsh pages still show in English for this category, each with a link to where its Welsh is written. */
export function WelshStillMissing({ categoryId, missing }: { categoryId: number; missing: Array<{ field: string; what: string; questionId?: number }> }) {
  return (
    <section aria-labelledby="welsh" className="prose">
      <h2 id="welsh">Welsh still to write</h2>
      {missing.length === 0 ? (
        <p>Everything the public sees of this category is written in Welsh too.</p>
      ) : (
        <>
          <p>
            Welsh pages show these in English, marked as English, until their Welsh is written ({missing.length}{" "}
            {missing.length === 1 ? "text" : "texts"}):
          </p>
          <ul id="welsh-missing">
            {missing.map((m) => (
              <li key={`${m.questionId ?? "category"}-${m.field}`}>
                <Link to={m.questionId ? `/admin/categories/${categoryId}/questions/${m.questionId}` : `#category-${m.field}`}>{m.what}</Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
