/** The judge's conflict declaration form: one schema for the browser and the server. */
import { z } from "zod";
import { MAX_ID } from "./ids";
import { CONFLICT_KIND_KEYS } from "./judging";

export const DeclareSchema = z.object({
  intent: z.literal("declare"),
  nominationId: z.number({ error: "Choose the nomination you have a conflict with" }).int().max(MAX_ID).positive(),
  kind: z.enum(CONFLICT_KIND_KEYS, { error: "Choose the kind of conflict" }),
  note: z
    .string({ error: "Say briefly what the connection is" })
    .trim()
    .min(1, "Say briefly what the connection is")
    .max(1000, "Keep the note to 1000 characters or fewer"),
});
