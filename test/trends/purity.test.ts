// The trend engine is pure: no module of it reads a file, the clock, the environment or the network.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const dir = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "src", "trends");
const FORBIDDEN = [/from "node:/, /from "fs/, /require\(/, /import\(/, /Date\.now/, /new Date\(/, /process\./, /fetch\(/, /Math\.random/, /performance\./];

describe("src/trends", () => {
  const files = readdirSync(dir).filter((f) => f.endsWith(".ts"));
  it("has modules to check", () => expect(files.length).toBeGreaterThan(5));
  for (const file of files) {
    it(`${file} touches no file, clock or network`, () => {
      const source = readFileSync(join(dir, file), "utf8");
      for (const pattern of FORBIDDEN) expect(source, `${file} matches ${pattern}`).not.toMatch(pattern);
      for (const m of source.matchAll(/from "(\.[^"]+)"/g))
        expect(m[1], `${file} imports ${m[1]}`).toMatch(/^\.\/|^\.\.\/(types|framework\/[a-z-]+|issues\/catalogue|report-contract\/schema|words\/[a-z-]+)\.js$/);
    });
  }
});
