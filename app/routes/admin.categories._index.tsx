import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { CycleSwitcher } from "~/components/admin";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { parseForm } from "~/components/schema-form";
import { Notice, withNotice } from "~/components/notice";
import { countMissingWelsh, getCategory, listCategories, moveCategory } from "~/models/category-setup.server";
import { cycleByYearOrCurrent, listCycles } from "~/models/cycle-setup.server";
import { requireAdmin } from "~/utils/auth.server";
import { yearParam } from "~/utils/params.server";
import { invariantResponse } from "~/utils/responses.server";
import { MAX_ID } from "~/domain/ids";

const MoveSchema = z.object({ categoryId: z.number().int().min(1).max(MAX_ID), direction: z.enum(["up", "down"]) });

export const meta: MetaFunction = () => [{ title: "Categories – Administration – Community Sponsorship Awards" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const cycle = await cycleByYearOrCurrent(yearParam(request));
  const cycles = await listCycles();
  const categories = cycle ? await listCategories(cycle.id) : [];
  const missingWelsh = cycle ? await countMissingWelsh(cycle.id) : new Map<number, number>();
  return {
    cycle: cycle && { year: cycle.year, name: cycle.name },
    cycles: cycles.map((c) => ({ year: c.year })),
    categories: categories.map((c) => ({ id: c.id, name: c.name, slug: c.slug, sponsor: c.sponsor, shortlistSize: c.shortlistSize, retired: Boolean(c.retiredAt), missingWelsh: missingWelsh.get(c.id) ?? 0 })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireAdmin(request);
  const submission = parseForm(await request.formData(), MoveSchema);
  invariantResponse(submission.status === "success", "That move was not understood.");
  const category = await getCategory(submission.value.categoryId);
  invariantResponse(category, "That category does not exist.", { status: 404 });
  await moveCategory(category.id, submission.value.direction, user);
  const year = yearParam(request);
  return redirect(withNotice(`/admin/categories${year ? `?year=${year}` : ""}`, "moved"));
}

export default function CategoriesPage() {
  const { cycle, cycles, categories } = useLoaderData<typeof loader>();
  if (!cycle) {
    return (
      <div className="prose">
        <h1>Categories</h1>
        <p>There is no cycle yet.</p>
      </div>
    );
  }
  const live = categories.filter((c) => !c.retired);
  const retired = categories.filter((c) => c.retired);
  return (
    <div className="prose wide">
      <p className="caption">Cycle {cycle.year}</p>
      <h1>Categories</h1>
      <Notice />
      <CycleSwitcher cycles={cycles} current={cycle.year} path="/admin/categories" />
      <p>
        <Link to={`/admin/categories/new?year=${cycle.year}`} className="button">
          Add a category
        </Link>
      </p>
      <table className="table">
        <caption className="visually-hidden">Categories in the order the public sees them</caption>
        <thead>
          <tr>
            <th scope="col">Category</th>
            <th scope="col">Shortlist</th>
            <th scope="col">Welsh still to write</th>
            <th scope="col">Order</th>
          </tr>
        </thead>
        <tbody>
          {live.map((c, i) => (
            <tr key={c.id}>
              <td>
                <Link to={`/admin/categories/${c.id}`}>{c.name}</Link>
                {c.sponsor ? <div className="card__meta">{c.sponsor}</div> : null}
              </td>
              <td>{c.shortlistSize}</td>
              <td>{c.missingWelsh === 0 ? "None" : `${c.missingWelsh} ${c.missingWelsh === 1 ? "text" : "texts"}`}</td>
              <td>
                <Form method="post" className="inline-form">
                  <input type="hidden" name="categoryId" value={c.id} />
                  {i > 0 ? (
                    <button type="submit" name="direction" value="up" className="link-button">
                      Move up<span className="visually-hidden">: {c.name}</span>
                    </button>
                  ) : null}{" "}
                  {i < live.length - 1 ? (
                    <button type="submit" name="direction" value="down" className="link-button">
                      Move down<span className="visually-hidden">: {c.name}</span>
                    </button>
                  ) : null}
                </Form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {retired.length ? (
        <>
          <h2>Retired categories</h2>
          <ul>
            {retired.map((c) => (
              <li key={c.id}>
                <Link to={`/admin/categories/${c.id}`}>{c.name}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
