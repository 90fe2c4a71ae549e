import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";

const TITLES: Record<number, string> = {
  400: "There is a problem with that request",
  403: "You do not have access to this page",
  404: "Page not found",
  405: "That action is not available here",
  413: "That was too large to send",
  429: "Too many attempts",
};

/** The one error boundary: thrown responses become plain-English pages. */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error)) {
    const title = TITLES[error.status] ?? "Sorry, something went wrong";
    const message =
      typeof error.data === "string" && error.data
        ? error.data
        : error.status === 404
          ? "If you typed the web address, check it is correct."
          : "Please try again.";
    return (
      <div className="prose">
        <h1>{title}</h1>
        <p>{message}</p>
        <p>
          <Link to="/">Go to the home page</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="prose">
      <h1>Sorry, there is a problem with the service</h1>
      <p>Please try again later. Nothing you have already sent us has been lost.</p>
      <p>
        <Link to="/">Go to the home page</Link>
      </p>
    </div>
  );
}
