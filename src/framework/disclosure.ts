// The disclosure policy and protective marking as darep.config.json writes them (options.disclosure,
// options.marking). The rules that apply the policy live in src/disclosure/; this file only says what
// may be written and what is meant when nothing is.
import { z } from "zod";

/** NHS Digital's secondary-care rule withholds 1 to 7, so the smallest count shown is 8. */
export const DEFAULT_MINIMUM = 8;

export const DisclosureOptions = z
  .strictObject({
    /** breakdowns: a measure's categories (the default); all: totals too; none: nothing (say why in reason). */
    applyTo: z.enum(["breakdowns", "all", "none"]).default("breakdowns"),
    /** The smallest count shown: counts from 1 to minimum - 1 are withheld. */
    minimum: z.number().int("must be a whole number").min(2, "must be at least 2").default(DEFAULT_MINIMUM),
    /** Round every other count to the nearest multiple of this (NHS Digital uses 5). */
    roundTo: z.number().int("must be a whole number").min(2, "must be at least 2").optional(),
    /** Why the report is not protected: required with applyTo "none", printed on its first page. */
    reason: z.string().trim().min(1, "must not be blank").optional(),
  })
  .refine((d) => d.applyTo !== "none" || d.reason !== undefined, { message: 'applyTo "none" needs a "reason", which the report prints on its first page', path: ["reason"] })
  // A shown count (the minimum or more) must never round to 0, which would read as nobody: the minimum
  // rounds up to roundTo only while roundTo is at most twice it.
  .refine((d) => d.roundTo === undefined || d.roundTo <= 2 * d.minimum, {
    message: "must be at most twice the minimum, or the smallest counts shown would round to 0 (which reads as nobody): lower roundTo or raise minimum",
    path: ["roundTo"],
  });
export type DisclosureOptions = z.infer<typeof DisclosureOptions>;

/** The policy in force: what the config says, with every default filled in. */
export type DisclosurePolicy = { applyTo: DisclosureOptions["applyTo"]; minimum: number; roundTo: number | null; reason: string | null };

export function disclosurePolicy(options: DisclosureOptions | undefined): DisclosurePolicy {
  return { applyTo: options?.applyTo ?? "breakdowns", minimum: options?.minimum ?? DEFAULT_MINIMUM, roundTo: options?.roundTo ?? null, reason: options?.reason ?? null };
}

/** A protective marking such as OFFICIAL-SENSITIVE, printed at the top and bottom of every page. */
export const Marking = z
  .string()
  .trim()
  .min(1, "must not be blank")
  .max(80, "must be at most 80 characters")
  .regex(/^[^\u0000-\u001f<>]*$/, "must be plain text on one line");
