/** The profile fields of a judge: name, organisations and local authority feed the conflict checks. */
import { getInputProps, getTextareaProps } from "@conform-to/react";
import { z } from "zod";
import { Field, TextareaField, type FormFields } from "./forms";

export const ProfileSchema = z.object({
  name: z.string({ error: "Enter their name" }).trim().min(1, "Enter their name").max(120, "The name must be 120 characters or fewer"),
  organisations: z.string().trim().max(2000, "The organisations must be 2000 characters or fewer").optional(),
  localAuthority: z.string().trim().max(120, "The local authority must be 120 characters or fewer").optional(),
});

export const EmailField = z
  .string({ error: "Enter their email address" })
  .trim()
  .max(254, "Email address must be 254 characters or fewer")
  .pipe(z.email({ error: "Enter an email address in the correct format, like name@example.org" }));


export function ProfileFields({ fields }: { fields: FormFields }) {
  return (
    <>
      <Field label="Name" errors={fields.name.errors} inputProps={{ ...getInputProps(fields.name, { type: "text" }), autoComplete: "off" }} />
      <TextareaField
        label="Organisations (optional)"
        hint="One per line: employers, sponsor groups, charities and boards they belong to. Used to find conflicts of interest."
        errors={fields.organisations.errors}
        textareaProps={{ ...getTextareaProps(fields.organisations), rows: 3 }}
      />
      <Field
        label="Local authority area (optional)"
        hint="For example: Leeds City Council"
        errors={fields.localAuthority.errors}
        inputProps={getInputProps(fields.localAuthority, { type: "text" })}
      />
    </>
  );
}
