// darep's version, shown by --version and written into every report.json.
export const VERSION = "0.1.0";
