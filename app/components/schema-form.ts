/**
 * The form kit's zod half, in a module of its own so that a page which only shows the kit's
 * fields (a confirmation button, a link-only page) does not load Conform and zod's core with
 * them: only pages that validate import this.
 */
import { useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { $ZodType } from "zod/v4/core";

/**
 * The one way to build a form from a zod schema. The browser validates with the schema (on
 * submit, or from the first blur with `validate: "onBlur"`), and the route's action parses
 * the same schema with `parseForm`, so the two can never disagree. With JavaScript off, the
 * server's answer (`lastResult`) fills the same fields and summary.
 */
export function useSchemaForm<Schema extends $ZodType>({
  id,
  schema,
  lastResult,
  defaultValue,
  validate = "onSubmit",
}: {
  id: string;
  schema: Schema;
  lastResult?: SubmissionResult<string[]> | null;
  defaultValue?: Record<string, unknown>;
  validate?: "onSubmit" | "onBlur";
}) {
  return useForm({
    id,
    lastResult,
    defaultValue: defaultValue as never,
    constraint: getZodConstraint(schema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: validate,
    shouldRevalidate: "onInput",
  });
}

/** The server's half of `useSchemaForm`: the submission parsed with the same schema. */
export function parseForm<Schema extends $ZodType>(formData: FormData, schema: Schema) {
  return parseWithZod(formData, { schema });
}
