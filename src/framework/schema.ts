// The shape of a partnership's framework files and workspace config, checked by zod at load time.
// This file is the single source of truth for what `schemas/<framework>/*.json` and
// `darep.config.json` may contain; README's field lists are written from it.
import { z } from "zod";
import { DisclosureOptions, Marking } from "./disclosure.js";

const text = z.string().trim().min(1, "must not be empty");
/** Ids used in returns and file names: lower-case words joined by hyphens. */
export const Slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lower-case letters, digits and hyphens, e.g. 'self-referral'");
/** An indicator reference as the framework writes it, e.g. "PM20" or "QA3". */
export const Ref = z.string().regex(/^[A-Za-z]{1,8}[0-9]{1,4}[a-z]?$/, "must look like PM20: letters then a number");
/** A financial year label, e.g. "2025-26". */
export const YearLabel = z
  .string()
  .regex(/^\d{4}-\d{2}$/, "must be a financial year like 2025-26")
  .refine((y) => (Number(y.slice(0, 4)) + 1) % 100 === Number(y.slice(5)), "the two years must follow each other, e.g. 2025-26");

export const Direction = z.enum(["up", "down", "none", "baseline", "target"]);
export type Direction = z.infer<typeof Direction>;

const Target = z.strictObject({
  /** The amount wanted over the whole financial year, e.g. 300 people supported. */
  perYear: z.number().positive(),
  /** "at-least": reaching or passing it is on track; "at-most": staying at or below it is. */
  comparison: z.enum(["at-least", "at-most"]).default("at-least"),
});

const DirectionBody = z.strictObject({
  wanted: Direction,
  reason: text,
  target: Target.optional(),
  /** Directions that apply from a given financial year on (e.g. rise first, then fall). */
  changes: z
    .array(z.strictObject({ from: YearLabel, wanted: Direction, reason: text, target: Target.optional() }))
    .optional(),
});

const checkTarget = (d: { wanted: string; target?: unknown }) => (d.wanted === "target") === (d.target !== undefined);
const targetMessage = { message: "a 'target' direction needs target { perYear }, and no other direction may have one", path: ["target"] };

export const DirectionSpec = DirectionBody.extend({
  /** A different direction for some breakdown categories (e.g. PM2: fewer police, more self-referrals). */
  categories: z.record(Slug, DirectionBody.refine(checkTarget, targetMessage)).optional(),
}).refine(checkTarget, targetMessage);
export type DirectionSpec = z.infer<typeof DirectionSpec>;

export const Unit = z.enum(["count", "percent", "rate", "days", "amount"]);
export type Unit = z.infer<typeof Unit>;

export const Category = z.strictObject({ id: Slug, label: text });

export const Measure = z.strictObject({
  id: Slug,
  label: text,
  unit: Unit,
  /** A short definition shown beside the figure in templates and the report. */
  definition: z.string().optional(),
  categories: z
    .strictObject({
      /** What the breakdown is by, e.g. "referring agency", "age band". */
      dimension: text,
      values: z.array(Category).min(1),
      /** Whether the categories add up to the total (blank category). Default true. */
      addsUpToTotal: z.boolean().default(true),
    })
    .optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  /** This figure never exceeds that one, for the same category: "measure-id" or "PM1/measure-id". */
  partOf: z.string().regex(/^(?:[A-Za-z]{1,8}[0-9]{1,4}[a-z]?\/)?[a-z0-9-]+$/).optional(),
  direction: DirectionSpec,
  /** A change within both limits is "stable". Defaults come from the workspace config. */
  tolerance: z.strictObject({ relative: z.number().min(0).optional(), absolute: z.number().min(0).optional() }).optional(),
  /** Whether the board tracks it: a tracked figure that is missing is an exception. Default true. */
  tracked: z.boolean().default(true),
  /**
   * Re-baselining: from each quarter named, the process limits start again from that quarter's
   * points, for a known change (a new service, a new recording rule). The reason is shown with the
   * baseline in report.json. darep never re-baselines by itself.
   */
  rebase: z
    .array(z.strictObject({ from: z.string().regex(/^\d{4}-\d{2} Q[1-4]$/, "must be a quarter like 2025-26 Q1"), reason: text }))
    .optional(),
});
export type Measure = z.infer<typeof Measure>;

export const Frequency = z.enum(["quarterly", "six-monthly", "annual"]);
export type Frequency = z.infer<typeof Frequency>;

export const Indicator = z
  .strictObject({
    $schema: z.string().optional(),
    ref: Ref,
    title: text,
    /** The agency or agencies the framework names as the source, in its own words. */
    owner: text,
    /** Action-plan references the framework relates it to, e.g. ["P1.5", "P4.5"]. */
    actionRefs: z.array(z.string()).default([]),
    /** "What is it telling us?" */
    tellsUs: text,
    /** The framework's comment, verbatim. */
    comment: z.string().default(""),
    theme: text,
    frequency: Frequency.default("quarterly"),
    measures: z.array(Measure).min(1, "an indicator needs at least one measure"),
  })
  .superRefine((ind, ctx) => {
    const ids = new Set<string>();
    ind.measures.forEach((m, i) => {
      if (ids.has(m.id)) ctx.addIssue({ code: "custom", path: ["measures", i, "id"], message: `measure id '${m.id}' is used twice` });
      ids.add(m.id);
      const cats = new Set(m.categories?.values.map((c) => c.id) ?? []);
      for (const c of Object.keys(m.direction.categories ?? {})) {
        if (!cats.has(c))
          ctx.addIssue({ code: "custom", path: ["measures", i, "direction", "categories", c], message: `'${c}' is not one of this measure's categories` });
      }
      if (m.partOf && !m.partOf.includes("/") && !ind.measures.some((o) => o.id === m.partOf))
        ctx.addIssue({ code: "custom", path: ["measures", i, "partOf"], message: `no measure '${m.partOf}' in ${ind.ref}` });
    });
  });
export type Indicator = z.infer<typeof Indicator>;

/** `schemas/<framework>/framework.json`: what the framework is and the order of its themes. */
export const FrameworkInfo = z.strictObject({
  $schema: z.string().optional(),
  name: text,
  /** Where the framework comes from, e.g. the strategy document's title. */
  source: z.string().optional(),
  /** Themes in the order the report groups indicators by. */
  themes: z.array(text).min(1),
  /** The partnership that wrote it, e.g. "Doncaster Domestic Abuse Partnership": a workspace of another is told what to review. */
  partnership: z.string().optional(),
  /** Words in its indicator texts that name its own place, providers or people ("Doncaster", "DBTH"): another partnership reviews those texts. */
  localTerms: z.array(text).optional(),
});
export type FrameworkInfo = z.infer<typeof FrameworkInfo>;

const QuarterName = z.enum(["Q1", "Q2", "Q3", "Q4"]);

/** One piece of quality-assurance evidence the board expects: an audit, a report or a review. */
export const AssuranceItem = z.strictObject({
  /** e.g. "QA6". */
  ref: Ref,
  /** What the evidence is, in the framework's words. */
  title: text,
  /** Who provides it, in the framework's words. */
  owner: text,
  frequency: Frequency,
  /** The quarters it falls due in; default every quarter, Q2 and Q4 for six-monthly, Q4 for annual. */
  dueQuarters: z.array(QuarterName).min(1).optional(),
  /** Where the frequency comes from: the framework's own words, or darep's reading where it is silent. */
  frequencyNote: z.string().optional(),
  /** How the assurance is obtained ("Multi agency case file audit"). */
  how: z.string().optional(),
  /** Action-plan references the framework relates it to, e.g. ["P4.7"], or ["All"]. */
  actionRefs: z.array(z.string()).default([]),
});
export type AssuranceItem = z.infer<typeof AssuranceItem>;

/** `schemas/<framework>/assurance.json`: the quality-assurance framework (optional). */
export const AssuranceFramework = z
  .strictObject({
    $schema: z.string().optional(),
    name: text,
    source: z.string().optional(),
    items: z.array(AssuranceItem).min(1, "an assurance framework needs at least one item"),
  })
  .superRefine((a, ctx) => {
    const seen = new Set<string>();
    a.items.forEach((item, i) => {
      const ref = item.ref.toUpperCase();
      if (seen.has(ref)) ctx.addIssue({ code: "custom", path: ["items", i, "ref"], message: `'${item.ref}' is listed twice` });
      seen.add(ref);
    });
  });
export type AssuranceFramework = z.infer<typeof AssuranceFramework>;

export const Agency = z.strictObject({
  id: Slug,
  name: text,
  contact: z.strictObject({ name: z.string().optional(), email: z.string().email("must be an email address").optional() }).optional(),
  /** The indicator references this agency reports each quarter. */
  indicators: z.array(Ref).min(1, "an agency must report at least one indicator"),
});
export type Agency = z.infer<typeof Agency>;

/**
 * A safety limit: a positive whole number, and never absurd. A limit far past any real return (say a
 * time limit of 10,000,000 s, which no timer can even hold) switches the protection off by mistake.
 */
const wholeLimit = (max: number, shown: string) =>
  z.number().int("must be a whole number").positive("must be more than 0").max(max, `must be at most ${shown}`).optional();

/** Who the board pack goes to and from (`darep send`). The SMTP server is never here: DAREP_SMTP_URL. */
export const Distribution = z.strictObject({
  /** The board's addresses: each gets its own message. */
  board: z.array(z.string().email("must be an email address")).default([]),
  /** The sender, e.g. "Community Safety Analyst <analyst@council.gov.uk>" or a bare address. */
  from: text.optional(),
  /** The largest message, in MB as the mail server counts it (the PDF grows by a third in base64). Default 10. */
  maxMessageMB: z.number().positive("must be more than 0").default(10),
});
export type Distribution = z.infer<typeof Distribution>;

export const Config = z.strictObject({
  $schema: z.string().optional(),
  $comment: z.string().optional(),
  partnership: text,
  /** The board the report is for. */
  board: z.string().default("DA Strategic Board"),
  /** The month the financial year starts: 4 (April) in the UK. Quarters run from it. */
  financialYearStartMonth: z.number().int().min(1).max(12).default(4),
  /** A framework name (looked up in the workspace's schemas/, then darep's bundled schemas/) or a path. */
  framework: text,
  agencies: z.array(Agency).min(1),
  distribution: Distribution.optional(),
  options: z
    .strictObject({
      /** Points a baseline's process limits are fixed on (Making Data Count asks for 12); from 6 they are trial limits. */
      spcMinimumPoints: z.number().int().min(4).default(12),
      /** Leave outlying moving ranges out of the limits, as NHSRplotthedots does; false reproduces the Making Data Count Excel tool. */
      screenOutliers: z.boolean().default(true),
      /** Default tolerance: a change within both is "stable". */
      tolerance: z
        .strictObject({ relative: z.number().min(0).default(0.05), absolute: z.number().min(0).default(2) })
        .default({ relative: 0.05, absolute: 2 }),
      /** Days after a quarter ends that returns are due; later ones are "late". */
      returnsDueDays: z.number().int().min(0).default(30),
      /** A move bigger than this factor against last quarter is a warning (likely keying error). */
      suddenChangeFactor: z.number().min(1).default(3),
      /** Safety limits on one return file; each left out keeps its default (src/ingest/limits.ts). */
      limits: z
        .strictObject({
          maxFileBytes: wholeLimit(1_073_741_824, "1073741824 (1 GiB)"),
          maxRows: wholeLimit(10_000_000, "10000000"),
          maxCells: wholeLimit(100_000_000, "100000000"),
          maxCellChars: wholeLimit(1_000_000, "1000000"),
          maxUnzippedBytes: wholeLimit(4_294_967_296, "4294967296 (4 GiB)"),
          maxCompressionRatio: z.number().positive("must be more than 0").max(10_000, "must be at most 10000").optional(),
          maxSecondsPerFile: z.number().positive("must be more than 0").max(3600, "must be at most 3600 (an hour): a return that takes longer is never worth waiting for").optional(),
        })
        .optional(),
      /** Disclosure control of small numbers (src/disclosure/); absent: categories' counts 1-7 withheld. */
      disclosure: DisclosureOptions.optional(),
      /** A protective marking (e.g. OFFICIAL-SENSITIVE) for the top and bottom of every page. */
      marking: Marking.optional(),
    })
    .default({ spcMinimumPoints: 12, screenOutliers: true, tolerance: { relative: 0.05, absolute: 2 }, returnsDueDays: 30, suddenChangeFactor: 3 }),
});
export type Config = z.infer<typeof Config>;
