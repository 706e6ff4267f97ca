// darep init's `--agency id:"Name"`, read as an agency's id and name (kept free of zod, so that the
// library face loads nothing to offer it).
import { RunError } from "../errors.js";

export interface AgencyGiven {
  id: string;
  name: string;
  email?: string;
  /** References it reports; none: from the owner column, or every unclaimed one. */
  indicators?: string[];
}

/** `police:South Yorkshire Police` -> { id, name }. */
export function parseAgencyFlag(text: string): AgencyGiven {
  const i = text.indexOf(":");
  const id = (i < 0 ? text : text.slice(0, i)).trim();
  const name = (i < 0 ? "" : text.slice(i + 1)).trim().replace(/^"(.*)"$/, "$1");
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id) || name === "")
    throw new RunError(`--agency ${JSON.stringify(text)} is not id:"Name": give a lower-case id, a colon and the agency's name, e.g. --agency police:"South Yorkshire Police".`);
  return { id, name };
}
