// The darep.config.json a new workspace starts from: the partnership's name, its framework and its
// agencies; and, for Doncaster's own framework used by Doncaster, its ten source agencies with the
// indicators the framework names each for, and placeholder contacts to replace.

const AGENCIES: [id: string, name: string, contact: string, refs: string][] = [
  ["doncaster-council", "City of Doncaster Council (Domestic Abuse Hub)", "Domestic Abuse Performance Officer", "1-16"],
  ["riverside", "Riverside (refuge and outreach)", "Contract Monitoring Officer", "17-19"],
  ["south-yorkshire-police", "South Yorkshire Police", "Performance Analyst, Doncaster District", "20-25,33,34"],
  ["st-leger-homes", "St Leger Homes of Doncaster", "Housing Options Data Officer", "26-29"],
  ["dbth", "Doncaster and Bassetlaw Teaching Hospitals", "Safeguarding Data Officer", "30-31"],
  ["probation-service", "Probation Service (Doncaster)", "Performance Officer", "32"],
  ["adult-social-care", "Adult Social Care and Safeguarding", "Safeguarding Performance Officer", "35"],
  ["dcst", "Doncaster Children's Services Trust", "Performance and Intelligence Officer", "36"],
  ["cranstoun", "Cranstoun (Inspire to Change)", "Service Manager", "37"],
  ["public-health", "Public Health, City of Doncaster Council", "Public Health Intelligence Officer", "38"],
];

/** "1-3,7" -> ["PM1", "PM2", "PM3", "PM7"] */
function refs(spec: string): string[] {
  return spec.split(",").flatMap((part) => {
    const [from, to] = part.split("-").map(Number) as [number, number | undefined];
    return Array.from({ length: (to ?? from) - from + 1 }, (_, i) => `PM${from + i}`);
  });
}

export interface NewAgency {
  id: string;
  name: string;
  contact?: { name?: string; email?: string };
  indicators: string[];
}

/** Doncaster's ten source agencies, for a Doncaster workspace of the Doncaster framework. */
export function doncasterAgencies(): NewAgency[] {
  return AGENCIES.map(([id, name, role, spec]) => ({ id, name, contact: { name: role, email: `${id}@example.org` }, indicators: refs(spec) }));
}

export function newConfig(partnership: string, framework: string, agencies: NewAgency[]): Record<string, unknown> {
  return {
    $comment: "A darep workspace's configuration. Every field is explained in README.md (section 'darep.config.json'). Replace the example contacts before you send templates.",
    partnership,
    board: "DA Strategic Board",
    financialYearStartMonth: 4,
    framework,
    agencies,
    options: {
      spcMinimumPoints: 12,
      tolerance: { relative: 0.05, absolute: 2 },
      returnsDueDays: 30,
      suddenChangeFactor: 3,
    },
  };
}
