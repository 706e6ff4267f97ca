// words/ is a base module: pure (no file, clock, environment or network) and importing nothing of
// darep's but the framework's types, so every stage may use it.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const dir = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "src", "words");
const FORBIDDEN = [/from "node:/, /require\(/, /import\(/, /Date\.now/, /new Date\(/, /process\./, /fetch\(/, /Math\.random/, /Intl\./, /\.toLocale/, /\.toFixed\(/];

describe("src/words", () => {
  const files = readdirSync(dir).filter((f) => f.endsWith(".ts"));
  it("has modules to check", () => expect(files.length).toBeGreaterThan(4));
  for (const file of files) {
    it(`${file} is pure and imports only words/ and framework types`, () => {
      const source = readFileSync(join(dir, file), "utf8");
      for (const pattern of FORBIDDEN) expect(source, `${file} matches ${pattern}`).not.toMatch(pattern);
      for (const m of source.matchAll(/^import (type )?.*from "([^"]+)"/gm)) {
        if (m[1]) expect(m[2]).toMatch(/^\.\/|^\.\.\/framework\/schema\.js$/);
        else expect(m[2], `${file} imports ${m[2]}`).toMatch(/^\.\/[a-z-]+\.js$/);
      }
    });
  }
});
