// A new workspace's agencies: as given (`--agency id:Name`, or a CSV of id, name, email, indicators),
// each given the indicators it lists, else those whose owner names it; an indicator nobody claims
// goes to every agency that listed none (pure).
import { RunError } from "../errors.js";
import type { Indicator } from "../framework/schema.js";
import type { AgencyGiven } from "./agency-flag.js";
import { assignByOwner } from "./assign.js";
import type { NewAgency } from "./example-config.js";

export interface AgenciesPlaced {
  agencies: NewAgency[];
  /** References no agency reports. */
  unowned: string[];
}

export function placeAgencies(given: AgencyGiven[], indicators: Indicator[]): AgenciesPlaced {
  const refs = new Map(indicators.map((i) => [i.ref.toUpperCase(), i.ref]));
  const seen = new Set<string>();
  for (const a of given) {
    if (seen.has(a.id)) throw new RunError(`The agency id '${a.id}' is given twice: each agency needs its own id.`);
    seen.add(a.id);
    for (const r of a.indicators ?? [])
      if (!refs.has(r.toUpperCase())) throw new RunError(`${a.id} is down for ${r}, which is not in the framework (its references: ${[...refs.values()].join(", ")}).`);
  }
  const open = given.filter((a) => !a.indicators?.length);
  const byOwner = assignByOwner(open, indicators).byAgency;
  const claimed = new Set([...given.flatMap((a) => a.indicators ?? []), ...[...byOwner.values()].flat()].map((r) => r.toUpperCase()));
  const unclaimed = indicators.map((i) => i.ref).filter((r) => !claimed.has(r.toUpperCase()));
  const agencies = given.map((a): NewAgency => {
    const listed = a.indicators?.length ? a.indicators.map((r) => refs.get(r.toUpperCase())!) : byOwner.get(a.id)!.length ? byOwner.get(a.id)! : unclaimed;
    return { id: a.id, name: a.name, ...(a.email ? { contact: { email: a.email } } : {}), indicators: listed };
  });
  const idle = agencies.filter((a) => a.indicators.length === 0).map((a) => a.id);
  if (idle.length) throw new RunError(`${idle.join(", ")} would report no indicator: list each agency's indicators in the agencies file (an 'indicators' column, e.g. SH1; SH2).`);
  const reported = new Set(agencies.flatMap((a) => a.indicators));
  return { agencies, unowned: indicators.map((i) => i.ref).filter((r) => !reported.has(r)) };
}
