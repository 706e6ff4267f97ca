// Where a JSON text first goes wrong, in plain words. Node 20's JSON.parse often gives no position
// ("Unexpected token 'x', ... is not valid JSON") and quotes the whole file, so people editing a schema
// or config by hand get a line and column from this instead. Used only after JSON.parse has failed.

export interface JsonSyntaxError {
  line: number;
  column: number;
  problem: string;
}

class Stop {
  constructor(
    readonly offset: number,
    readonly problem: string,
  ) {}
}

const show = (c: string | undefined) => (c === undefined ? "the end of the file" : `'${c}'`);

function scan(text: string): void {
  let i = 0;
  const fail = (problem: string): never => {
    throw new Stop(i, problem);
  };
  const space = () => {
    while (i < text.length && (text[i] === " " || text[i] === "\t" || text[i] === "\n" || text[i] === "\r")) i++;
  };
  const string = () => {
    i++;
    while (i < text.length) {
      const c = text[i]!;
      if (c === '"') {
        i++;
        return;
      }
      if (c === "\\") {
        const e = text[i + 1];
        if (e === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
        else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else fail("a backslash in a string must start an escape such as \\\\ or \\n");
        continue;
      }
      if (c < " ") fail("a line break inside a string: is a closing quote missing?");
      i++;
    }
    fail("a string is never closed: a closing quote is missing");
  };
  const value = (): void => {
    space();
    const c = text[i];
    if (c === "{") return object();
    if (c === "[") return array();
    if (c === '"') return string();
    if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) {
      const m = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
      m.lastIndex = i;
      if (!m.test(text)) fail("not a valid number");
      i = m.lastIndex;
      return;
    }
    for (const word of ["true", "false", "null"]) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    fail(c === "'" ? "text must be in double quotes, not single quotes" : `expected a value (a number, text in double quotes, true, false, null, [ or {), found ${show(c)}`);
  };
  const object = () => {
    i++;
    space();
    if (text[i] === "}") return void i++;
    for (;;) {
      space();
      if (text[i] === "}") fail("a comma before '}': remove the last comma");
      if (text[i] !== '"') fail(`expected a field name in double quotes, found ${show(text[i])}`);
      string();
      space();
      if (text[i] !== ":") fail(`expected ':' after the field name, found ${show(text[i])}`);
      i++;
      value();
      space();
      if (text[i] === ",") {
        i++;
        continue;
      }
      if (text[i] === "}") return void i++;
      fail(`expected ',' or '}' after a value, found ${show(text[i])}: is a comma missing?`);
    }
  };
  const array = () => {
    i++;
    space();
    if (text[i] === "]") return void i++;
    for (;;) {
      space();
      if (text[i] === "]") fail("a comma before ']': remove the last comma");
      value();
      space();
      if (text[i] === ",") {
        i++;
        continue;
      }
      if (text[i] === "]") return void i++;
      fail(`expected ',' or ']' after a value, found ${show(text[i])}: is a comma missing?`);
    }
  };
  value();
  space();
  if (i < text.length) fail(`unexpected ${show(text[i])} after the end of the JSON`);
}

/** The first syntax error in `text` with its 1-based line and column, or null when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  try {
    scan(text);
    return null;
  } catch (e) {
    if (!(e instanceof Stop)) return null; // e.g. nesting too deep for the stack: no position to give
    const before = text.slice(0, e.offset);
    const line = before.split("\n").length;
    return { line, column: e.offset - (before.lastIndexOf("\n") + 1) + 1, problem: e.problem };
  }
}

/** JSON.parse, throwing an Error whose message names the file, line and column in plain words. */
export function parseJsonText(file: string, text: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(body);
  } catch (e) {
    if (body.trim() === "") throw new Error(`${file}: the file is empty (expected JSON)`);
    const at = findJsonSyntaxError(body);
    if (at) throw new Error(`${file}: not valid JSON at line ${at.line}, column ${at.column}: ${at.problem}`);
    throw new Error(`${file}: not valid JSON: ${(e as Error).message.slice(0, 120)}`);
  }
}
