// Which agency reports which indicator, from the owner the framework names: an owner that is an
// agency's id or name (several separated by ';' or ',') gives that agency the indicator (pure).
import type { Indicator } from "../framework/schema.js";

export interface AgencyName {
  id: string;
  name: string;
}

export interface Assignment {
  /** Agency id -> the references it reports, in framework order. */
  byAgency: Map<string, string[]>;
  /** References whose owner names no agency. */
  unowned: string[];
}

const norm = (s: string) => s.toLowerCase().replace(/\s+/g, " ").trim();

export function assignByOwner(agencies: AgencyName[], indicators: Indicator[]): Assignment {
  const byAgency = new Map(agencies.map((a) => [a.id, [] as string[]]));
  const unowned: string[] = [];
  for (const ind of indicators) {
    const owners = ind.owner.split(/[;,]/).map(norm).filter(Boolean);
    const found = agencies.filter((a) => owners.includes(norm(a.id)) || owners.includes(norm(a.name)));
    if (found.length === 0) unowned.push(ind.ref);
    for (const a of found) byAgency.get(a.id)!.push(ind.ref);
  }
  return { byAgency, unowned };
}
