// The shape of a partnership's framework files and workspace config, checked by zod at load time.
// This file is the single source of truth for what `schemas/<framework>/*.json` and
// `darep.config.json` may contain; README's field lists are written from it.
import { z } from "zod";
import { DisclosureOptions, Marking } from "./disclosure.js";

const text = z.string().trim().min(1, "must not be empty");
/** Ids used in returns and file names: lower-case words joined by hyphens. */
export const Slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lower-case letters, digits and hyphens, e.g. 'self-referral'");
/** An indicator reference as the framework writes it, e.g. "PM20" or "QA3". */
export const Ref = z.string().regex(/^[A-Za-z]{1,8}[0-9]{1,4}[a-z]?$/, "must look like PM20: letters then a number");
/** A financial year label, e.g. "2025-26". */
export const YearLabel = z
  .string()
  .regex(/^\d{4}-\d{2}$/, "must be a financial year like 2025-26")
  .refine((y) => (Number(y.slice(0, 4)) + 1) % 100 === Number(y.slice(5)), "the two years must follow each other, e.g. 2025-26");

export const Direction = z.enum(["up", "down", "none", "baseline", "target"]);
export type Direction = z.infer<typeof Direction>;

/** A band of tolerance: within either of these a figure counts as near. */
const Band = z.strictObject({ relative: z.number().min(0).optional(), absolute: z.number().min(0).optional() });

/** How a figure is held to its target: reaching it (at-least), passing it (more-than), staying at or under it, or under it. */
export const TargetComparison = z.enum(["at-least", "more-than", "at-most", "less-than"]);
export type TargetComparison = z.infer<typeof TargetComparison>;

const Target = z
  .strictObject({
    /** An amount over the whole financial year, e.g. 300 people supported, judged pro rata. For a percentage, rate or days, read as a level (as before). */
    perYear: z.number().positive().optional(),
    /** A level each period's figure is held to, e.g. 75 (%) every quarter. */
    level: z.number().optional(),
    /** Targets that change by year: the amount (or level) for each financial year named; a year not named falls back to perYear or level. */
    byYear: z.record(YearLabel, z.number()).optional(),
    comparison: TargetComparison.default("at-least"),
    /** The amber band: missing the target by no more than this is "at risk", not "off track" (e.g. { "relative": 0.05 }). */
    atRisk: Band.optional(),
    /** The target is still to be confirmed ("TBC"): the figure is reported, not judged against a target. */
    toBeConfirmed: z.boolean().optional(),
  })
  .superRefine((t, ctx) => {
    if (t.perYear !== undefined && t.level !== undefined)
      ctx.addIssue({ code: "custom", path: ["level"], message: "give either perYear (an amount over the year) or level (held every period), not both" });
    if (t.perYear === undefined && t.level === undefined && t.byYear === undefined && !t.toBeConfirmed)
      ctx.addIssue({ code: "custom", path: [], message: "a target needs perYear, level or byYear, or toBeConfirmed: true" });
  });
export type Target = z.infer<typeof Target>;

/** A published figure to set beside this one (a national average, a neighbour's rate); never judged unless a target says so. */
export const Comparator = z.strictObject({
  value: z.number(),
  /** What it is, e.g. "England and Wales average (SafeLives)". */
  label: text,
  /** Where it comes from, e.g. "SafeLives Marac national dataset". */
  source: text,
  /** The period it covers, e.g. "12 months to 30 September 2024". */
  period: text,
  /** The comparator's own unit, when it differs from the measure's (e.g. a rate per 10,000 beside a count). */
  unit: z.enum(["count", "percent", "rate", "days", "amount"]).optional(),
});
export type Comparator = z.infer<typeof Comparator>;

const DirectionBody = z.strictObject({
  wanted: Direction,
  reason: text,
  target: Target.optional(),
  /** Directions that apply from a given financial year on (e.g. rise first, then fall). */
  changes: z.array(z.strictObject({ from: YearLabel, wanted: Direction, reason: text, target: Target.optional() })).optional(),
});

const checkTarget = (d: { wanted: string; target?: unknown }) => (d.wanted === "target") === (d.target !== undefined);
const targetMessage = { message: "a 'target' direction needs a target { perYear | level | byYear }, and no other direction may have one", path: ["target"] };

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
  partOf: z
    .string()
    .regex(/^(?:[A-Za-z]{1,8}[0-9]{1,4}[a-z]?\/)?[a-z0-9-]+$/)
    .optional(),
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
  rebase: z.array(z.strictObject({ from: z.string().regex(/^\d{4}-\d{2} Q[1-4]$/, "must be a quarter like 2025-26 Q1"), reason: text })).optional(),
  /** "year-to-date": the agency gives the total since the year began (Q2 330 YTD); darep judges each period's own figure. */
  reported: z.enum(["period", "year-to-date"]).optional(),
  /** "establishing": a baseline is being set up; until data exists, [x] reads "baseline: no data yet", and figures are not judged. */
  baseline: z.literal("establishing").optional(),
  /** Published figures to set beside this one. */
  comparators: z.array(Comparator).optional(),
  /** The population the framework gives, so the figure is also shown per head, e.g. per 10,000 adult women. */
  population: z.strictObject({ size: z.number().positive(), per: z.number().positive(), of: text }).optional(),
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
        if (!cats.has(c)) ctx.addIssue({ code: "custom", path: ["measures", i, "direction", "categories", c], message: `'${c}' is not one of this measure's categories` });
      }
      if (m.reported === "year-to-date" && m.unit !== "count" && m.unit !== "amount")
        ctx.addIssue({ code: "custom", path: ["measures", i, "reported"], message: `only a count or an amount adds up to a year to date; a ${m.unit} reported since April is its own figure` });
      if (m.min !== undefined && m.max !== undefined && m.min > m.max)
        ctx.addIssue({ code: "custom", path: ["measures", i, "min"], message: `the lowest possible value (${m.min}) is above the highest (${m.max}), so no figure could be right` });
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

/** The ratings an action plan may use, in order of concern. A guide picks some of them and words them. */
export const RagRating = z.enum(["red", "amber", "light-green", "green"]);

/** `schemas/<framework>/rag.json`: the action plan's RAG guide as the framework writes it (optional; default Doncaster's four). */
export const RagGuide = z
  .strictObject({
    $schema: z.string().optional(),
    name: text,
    source: z.string().optional(),
    /** The ratings the guide uses, in order of concern (the first is the worst), each with the guide's words. */
    ratings: z
      .array(
        z.strictObject({
          rag: RagRating,
          /** The rating's name as the guide writes it, e.g. "Green" (no comma or double quote: the action plan template offers it in a dropdown list). */
          words: text.refine((w) => !/[,"]/.test(w), "must have no comma or double quote, so that the action plan template's dropdown can offer it"),
          /** What it means, in the guide's words, e.g. "Complete". */
          meaning: text,
        }),
      )
      .min(2, "a RAG guide needs at least two ratings"),
    /** The rating that means complete: an action rated so is never overdue. */
    complete: RagRating,
    /** The rating the guide gives an action past its timescale and not complete (darep checks this rule); absent: darep checks nothing. */
    overdue: RagRating.optional(),
  })
  .superRefine((g, ctx) => {
    const used = new Set<string>();
    g.ratings.forEach((r, i) => {
      if (used.has(r.rag)) ctx.addIssue({ code: "custom", path: ["ratings", i, "rag"], message: `'${r.rag}' is listed twice` });
      used.add(r.rag);
    });
    for (const key of ["complete", "overdue"] as const) {
      const v = g[key];
      if (v && !used.has(v)) ctx.addIssue({ code: "custom", path: [key], message: `'${v}' is not one of the guide's ratings` });
    }
  });
export type RagGuide = z.infer<typeof RagGuide>;

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
const wholeLimit = (max: number, shown: string) => z.number().int("must be a whole number").positive("must be more than 0").max(max, `must be at most ${shown}`).optional();

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
      tolerance: z.strictObject({ relative: z.number().min(0).default(0.05), absolute: z.number().min(0).default(2) }).default({ relative: 0.05, absolute: 2 }),
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
