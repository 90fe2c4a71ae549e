import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { requireAdmin } from "~/utils/auth.server";

/*
 * The administration frame. Its guard protects what it renders; each child route still
 * runs its own guard, because a layout's loader does not protect a child's action.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return null;
}

const SECTIONS = [
  { to: "/admin", label: "Overview", end: true },
  { to: "/admin/cycles", label: "Cycle" },
  { to: "/admin/categories", label: "Categories" },
  { to: "/admin/nominations", label: "Nominations" },
  { to: "/admin/people", label: "People & panels" },
  { to: "/admin/judging", label: "Judging" },
  { to: "/admin/results", label: "Results" },
  { to: "/admin/campaigns", label: "Campaigns" },
  { to: "/admin/outbox", label: "Outbox" },
  { to: "/admin/audit", label: "Audit log" },
  { to: "/admin/privacy", label: "Privacy" },
];

export default function AdminLayout() {
  return (
    <div className="admin">
      <nav aria-label="Administration" className="admin-nav">
        <ul>
          {SECTIONS.map((s) => (
            <li key={s.to}>
              <NavLink to={s.to} end={s.end}>
                {s.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <div className="admin-main">
        <Outlet />
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
