// Fill a template the way a careful agency would: plausible figures that agree with each other
// (categories add up to their total; a part is smaller than its whole).
import ExcelJS from "exceljs";
import type { Framework } from "../../src/framework/types.js";

/** A plausible figure for each row: 4000 for a whole, 400 for a part of it, 40 for a part of that... */
export function plausible(framework: Framework): (indicator: string, measure: string, category: string | null) => number {
  const measureOf = (ref: string, id: string) => framework.byRef.get(ref.toUpperCase())?.measures.find((m) => m.id === id);
  const depth = (ref: string, id: string): number => {
    const m = measureOf(ref, id);
    if (!m?.partOf) return 0;
    const [wholeRef, wholeId] = m.partOf.includes("/") ? (m.partOf.split("/") as [string, string]) : [ref, m.partOf];
    return 1 + depth(wholeRef, wholeId);
  };
  return (ref, id, category) => {
    const m = measureOf(ref, id);
    if (!m) throw new Error(`fill: no measure ${ref}/${id}`);
    const total = m.unit === "percent" ? 50 : 4000 / 10 ** depth(ref, id);
    if (category === null) return total;
    const cats = m.categories?.values ?? [];
    const i = cats.findIndex((c) => c.id === category);
    if (i < 0) throw new Error(`fill: no category ${category} in ${ref}/${id}`);
    if (m.categories?.addsUpToTotal === false) return Math.floor(total / 2);
    const share = Math.floor(total / cats.length);
    return share + (i < total - share * cats.length ? 1 : 0);
  };
}

export const textOf = (v: ExcelJS.CellValue): string => (v === null || v === undefined ? "" : String(v));

/** Read an XLSX template, fill the value column (and About's submitted), return the workbook's bytes. */
export async function fillXlsx(template: Buffer, framework: Framework, override: Record<string, ExcelJS.CellValue> = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as unknown as Parameters<typeof wb.xlsx.load>[0]);
  const sheet = wb.getWorksheet("Return")!;
  const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).map(textOf);
  const col = (name: string) => header.indexOf(name);
  const value = plausible(framework);
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const at = (name: string) => textOf(row.getCell(col(name)).value);
    row.getCell(col("value")).value = value(at("indicator"), at("measure"), at("category") || null);
  });
  for (const [address, v] of Object.entries(override)) sheet.getCell(address).value = v;
  wb.getWorksheet("About")!.getCell("B4").value = "2026-10-20";
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Fill a CSV template's blank value fields. */
export function fillCsv(template: string, framework: Framework): string {
  const value = plausible(framework);
  const [head, ...rows] = template
    .replace(/^\ufeff/, "")
    .trimEnd()
    .split("\r\n");
  const filled = rows.map((line) => {
    const [indicator, measure, category, , note] = line.split(",") as [string, string, string, string, string];
    return [indicator, measure, category, String(value(indicator, measure, category || null)), note].join(",");
  });
  return `\ufeff${[head, ...filled].join("\r\n")}\r\n`;
}
