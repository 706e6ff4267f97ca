// The exceptions section's view: a card per figure that moved the wrong way or is off target, worst
// first, and the figures that cannot be judged (missing or invalid) gathered by agency.
import type { Report, Result, ReturnJson } from "../report-contract/schema.js";
import { breakPoints } from "./break-points.js";
import { chartSubject } from "./chart-words.js";
import { trendChart } from "./chart.js";
import { COMPARISON_WORDS, formatChange, formatFigure, formatNumber, plural } from "../words/index.js";
import { figureOf, quarterLong } from "./format.js";
import { markdownBlocks, noteParagraphs } from "./plain-text.js";
import { statusLook } from "./status.js";
import { assuranceWords, comparatorFacts, frequencyNote, perPopulationWords, periodLabels, yearBack } from "./shape-words.js";
import { cardActions } from "./view-actions.js";
import type { AbsentGroup, AlsoRow, CommentaryView, ExceptionCard, ExceptionsView, StatusView } from "./view-types.js";

export const statusView = (r: Pick<Result, "status">): StatusView => {
  const { word, shape, css } = statusLook(r.status);
  return { word, shape, css };
};

const absent = (r: Result) => r.status === "missing" || r.status === "invalid";

/** "Wanted: lower", "Wanted: at least 300 a year". */
export function wantedWords(r: Pick<Result, "direction" | "target" | "unit">): string {
  switch (r.direction) {
    case "up":
      return "Wanted: higher";
    case "down":
      return "Wanted: lower";
    case "none":
      return "No wanted direction: for information";
    case "baseline":
      return "No wanted direction yet: a baseline is being collected";
    case "target":
      return r.target
        ? `Wanted: ${COMPARISON_WORDS[r.target.comparison]} ${formatFigure(r.target.perYear, r.unit)} ${r.target.kind === "level" ? "each period" : "a year"}`
        : "Wanted: to meet a target";
  }
}

/**
 * Why this direction is wanted, for the board. A schema's reason records where the direction came
 * from ("Comment: 'We want to see a reduction in this' -> down."); when it is no more than the
 * framework's words and the direction they give, the board reads just the words. Any other reason
 * (one with reasoning of its own, or "our reading") is shown as written.
 */
export function directionWords(reason: string): string {
  const simple = /^(?:Comment|Direction): '(.+)' -> [^';]*$/.exec(reason.trim());
  return simple ? `The framework says: “${simple[1]}”.` : reason;
}

function targetWords(r: Result, quarter: string): string | null {
  const t = r.target;
  if (!t) return null;
  const what = `Target: ${COMPARISON_WORDS[t.comparison]} ${formatFigure(t.perYear, r.unit)}`;
  const head = t.kind === "level" ? `${what} each period` : t.yearComplete ? `${what} in the year` : `${what} a year, so ${formatFigure(t.toDate, r.unit)} by the end of ${quarter}`;
  if (t.actualToDate === null) return `${head}; there is no figure for the year so far.`;
  const outturn = t.projectedOutturn === null ? "" : `, on course for about ${formatNumber(t.projectedOutturn, 0)} in the year`;
  return `${head}; ${formatFigure(t.actualToDate, r.unit)} so far${outturn}.`;
}

export function figureName(r: Result): string {
  return `${r.indicator} ${r.indicatorTitle}`;
}

function alsoRow({ r, rank }: { r: Result; rank: string }): AlsoRow {
  return { anchor: `exception-${rank}`, rank, figure: chartSubject(r), value: figureOf(r, r.value, 0), previous: figureOf(r, r.previous, 1), status: statusView(r), sentence: r.sentence };
}

/**
 * One card per measure: a breakdown whose categories all moved the wrong way is one story for the
 * board, told once with the worst figure's chart and the others in a table, not seven cards.
 */
export function byMeasure(items: { r: Result; rank: string }[]): { r: Result; rank: string }[][] {
  const groups = new Map<string, { r: Result; rank: string }[]>();
  for (const item of items) {
    const key = `${item.r.agency}/${item.r.indicator}/${item.r.measure}`;
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return [...groups.values()];
}

/** A re-baselined figure's chart says whose limits it shows, and why the baseline changed. */
export function baselineWords(r: Pick<Result, "spc">): string {
  const all = r.spc?.baselines ?? [];
  if (all.length < 2) return "";
  const latest = all[all.length - 1]!;
  const earlier = all.slice(1, -1).map((b) => `${b.start} (${b.reason ?? "re-baselined"})`);
  return ` The lines are the limits of the latest baseline, from ${latest.start}: ${latest.reason ?? "re-baselined"}.${earlier.length ? ` Earlier baselines began ${earlier.join(", ")}.` : ""}`;
}

function cardFigures(r: Result): ExceptionCard["figures"] {
  const [now, last, lastYear] = periodLabels(r);
  const annual = r.frequency === "annual";
  const facts = [
    { label: now, value: figureOf(r, r.value, 0) },
    { label: last, value: figureOf(r, r.previous, 1) },
    ...(annual ? [] : [{ label: lastYear, value: figureOf(r, r.sameQuarterLastYear, yearBack(r)) }]),
    { label: `Change on ${last.toLowerCase()}`, value: formatChange(r.change, r.changePercent, r.previous, r.value, r.unit) },
    ...(annual ? [] : [{ label: "Change on a year ago", value: formatChange(r.changeOnYear, r.changeOnYearPercent, r.sameQuarterLastYear, r.value, r.unit) }]),
  ];
  if (r.reported === "year-to-date") facts.push({ label: "Year to date, as the agency gave it", value: formatFigure(r.yearToDate, r.unit) });
  const rate = perPopulationWords(r);
  if (rate) facts.push({ label: "Per head of population", value: rate });
  facts.push(...comparatorFacts(r));
  const assurance = assuranceWords(r);
  if (assurance) facts.push({ label: "Assurance", value: `${assurance.shape} ${assurance.word}` });
  return facts;
}

function card(r: Result, rank: string, report: Report, also: { r: Result; rank: string }[] = []): ExceptionCard {
  const subject = `${chartSubject(r)}, from ${r.agencyName}`;
  const chart = trendChart(r);
  const linked = cardActions(r, report);
  return {
    anchor: `exception-${rank}`,
    rank,
    heading: figureName(r),
    subject,
    status: statusView(r),
    sentence: r.sentence,
    figuresCaption: `${r.indicator} figures for ${quarterLong(report)}`,
    figures: cardFigures(r),
    wanted: wantedWords(r),
    wantedWhy: directionWords(r.directionReason),
    target: targetWords(r, report.quarter),
    // The latest point in words first ("the ninth rise in a row"), then the rules that decided.
    reasons: [
      ...(r.reading ? [`The latest ${r.frequency === "annual" ? "year" : r.frequency === "six-monthly" ? "half-year" : "quarter"}: ${r.reading}.`] : []),
      ...r.reasons.map((x) => x.text),
      ...(frequencyNote(r) ? [frequencyNote(r)!] : []),
    ],
    chart: { svg: chart.svg, caption: `Every quarter on record; the latest is the diamond.${baselineWords(r)}` },
    note: r.note ? noteParagraphs(r.note) : null,
    commentary: r.commentary ? markdownBlocks(r.commentary) : null,
    also: also.map(alsoRow),
    actions: linked.actions,
    actionsNone: linked.none,
  };
}

function groupText(ret: ReturnJson | undefined, name: string, report: Report): string {
  if (ret?.status === "missing") return `The return from ${name} for ${quarterLong(report)} has not been received, so these figures cannot be judged.`;
  if (ret?.status === "invalid") return `The return from ${name} has errors, and these figures did not pass the checks (see Data quality).`;
  return `The return from ${name} has no usable figure for these.`;
}

function contactPieces(ret: ReturnJson | undefined): string[] | null {
  const c = ret?.contact;
  const parts = [c?.name, c?.email].filter((s): s is string => !!s);
  return parts.length ? breakPoints(`Contact: ${parts.join(", ")}`) : null;
}

function absentGroups(items: { r: Result; rank: string }[], report: Report): AbsentGroup[] {
  const byAgency = new Map<string, { r: Result; rank: string }[]>();
  for (const item of items) byAgency.set(item.r.agency, [...(byAgency.get(item.r.agency) ?? []), item]);
  return [...byAgency.values()].map((group, i) => {
    const first = group[0]!.r;
    const one = group.length > 1 && group.every(({ r }) => r.indicator === first.indicator);
    const ret = report.returns.find((x) => x.agency === first.agency);
    const commentary: CommentaryView[] = [];
    for (const { r } of group) if (r.commentary && !commentary.some((c) => c.ref === r.indicator)) commentary.push({ ref: r.indicator, blocks: markdownBlocks(r.commentary) });
    return {
      anchor: `cannot-judge-${i + 1}`,
      heading: `${first.agencyName}: ${plural(group.length, "figure")} cannot be judged`,
      text: groupText(ret, first.agencyName, report),
      contact: contactPieces(ret),
      // One indicator's figures (PM37's five) name it once, and its actions once, not five times over.
      ...(one ? { indicator: figureName(first), actions: cardActions(first, report).actions } : {}),
      items: group.map(({ r, rank }) => ({
        rank,
        anchor: `exception-${rank}`,
        figure: one ? chartSubject(r) : `${figureName(r)}: ${chartSubject(r)}`,
        status: statusView(r),
        actions: one ? null : cardActions(r, report).actions,
      })),
      commentary,
    };
  });
}

/** The exceptions in the engine's order (report.exceptions, worst first), numbered from 1. */
export function rankedExceptions(report: Report): { r: Result; rank: string }[] {
  const byKey = new Map(report.results.map((r) => [r.key, r]));
  return report.exceptions.flatMap((key) => byKey.get(key) ?? []).map((r, i) => ({ r, rank: String(i + 1) }));
}

export function exceptionsView(report: Report): ExceptionsView {
  const ranked = rankedExceptions(report);
  const moves = ranked.filter(({ r }) => !absent(r));
  const unknown = ranked.filter(({ r }) => absent(r));
  const k = ranked.length;
  let intro = "No figure needs the board's attention this quarter.";
  if (k > 0) {
    const parts = [
      moves.length ? `${plural(moves.length, "figure")} moving the wrong way or off target` : "",
      unknown.length ? `${plural(unknown.length, "figure")} that cannot be judged` : "",
    ].filter(Boolean);
    intro = `${plural(k, "figure needs", "figures need")} the board's attention, worst first: ${parts.join(", then ")}.`;
  }
  const cards = byMeasure(moves).map(([first, ...rest]) => card(first!.r, first!.rank, report, rest));
  const absentList = absentGroups(unknown, report);
  return { intro, none: k === 0, cards, absent: absentList, otherCommentary: otherCommentary(report, new Set(ranked.map(({ r }) => r.indicator))) };
}

/** Commentary on indicators no exception card or group shows: the analyst wrote it for the board too. */
function otherCommentary(report: Report, shown: Set<string>): ExceptionsView["otherCommentary"] {
  const out: ExceptionsView["otherCommentary"] = [];
  for (const r of report.results) {
    if (!r.commentary || shown.has(r.indicator)) continue;
    shown.add(r.indicator);
    out.push({ ref: r.indicator, heading: figureName(r), anchor: `commentary-${r.indicator}`, blocks: markdownBlocks(r.commentary) });
  }
  return out;
}
