import { GeneralErrorBoundary } from "~/components/error-boundary";
import { notFound } from "~/utils/responses.server";

// Any address no route claims: a real 404, drawn by the shared error boundary.
export async function loader() {
  notFound();
}

export async function action() {
  notFound();
}

export default function NotFound() {
  return null;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
