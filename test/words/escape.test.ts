// Each escaper against hostile text: nothing it returns can become markup, a link or a terminal command.
import { describe, expect, it } from "vitest";
import { escapeHtml, escapeMarkdown, escapeXml, hasInvisible, INVISIBLE, jsonText, looksBlank, showControls, terminalSafe, terminalSafeDeep } from "../../src/words/index.js";
import { oneInvalidReturn } from "../helpers/validation-result.js";

const HOSTILE = `<script>alert("x")</script> & 'y'`;

describe("escapeHtml and escapeXml", () => {
  it("leave no character that could end a text node or attribute", () => {
    expect(escapeHtml(HOSTILE)).toBe("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;");
    expect(escapeXml(HOSTILE)).toBe(escapeHtml(HOSTILE));
  });

  it("replace what XML cannot carry, and keep line breaks in attributes", () => {
    expect(escapeXml("a\u0000b\u001bc\ud800d\ufffe")).toBe("a\ufffdb\ufffdc\ufffdd\ufffd");
    expect(escapeXml("😀")).toBe("😀");
    expect(escapeXml("a\r\nb\tc")).toBe("a&#13;\nb\tc");
    expect(escapeXml("a\r\nb\tc", true)).toBe("a&#13;&#10;b&#9;c");
  });
});

describe("escapeMarkdown", () => {
  it("keeps a cell from becoming a link, an image, emphasis, code, HTML or a table break", () => {
    const out = escapeMarkdown("[click](https://evil.example) ![img](x.png) **bold** _em_ `code` <b>html</b> a|b ~~s~~ # h $x$");
    expect(out).toBe("\\[click\\](https\\://evil.example) \\!\\[img\\](x.png) \\*\\*bold\\*\\* \\_em\\_ \\`code\\` &lt;b&gt;html&lt;/b&gt; a\\|b \\~\\~s\\~\\~ \\# h \\$x\\$");
    expect(out).not.toMatch(/(^|[^\\])[[\]|*_`<>]/);
  });

  it("breaks bare URLs that GitHub would link, and <autolinks>", () => {
    expect(escapeMarkdown("see www.evil.example and http://evil.example")).toBe("see www\\.evil.example and http\\://evil.example");
    expect(escapeMarkdown("<https://evil.example>")).toBe("&lt;https\\://evil.example&gt;");
  });

  it("keeps text on one line, and from starting a list or quoting", () => {
    expect(escapeMarkdown("a\n\n| --- |\r\nb")).toBe("a \\| --- \\| b");
    expect(escapeMarkdown("- item")).toBe("\\- item");
    expect(escapeMarkdown("1. item")).toBe("1\\. item");
    expect(escapeMarkdown("-2 is below zero")).toBe("-2 is below zero");
    expect(escapeMarkdown("+ 3")).toBe("\\+ 3");
    expect(escapeMarkdown("> quote")).toBe("&gt; quote");
  });

  it("escapes a backslash and an entity so neither can undo the escaping", () => {
    expect(escapeMarkdown("\\[x]")).toBe("\\\\\\[x\\]");
    expect(escapeMarkdown("&lt;b&gt;")).toBe("&amp;lt;b&amp;gt;");
  });

  it("shows terminal escapes and bidi overrides instead of passing them on", () => {
    expect(escapeMarkdown("x\u001b[31m\u202e")).toBe("x\\u001b\\[31m\\u202e");
  });
});

describe("terminalSafe and friends", () => {
  it("show controls and bidi characters as \\u escapes, keeping tab and line break", () => {
    expect(terminalSafe("\u001b[31mRED\u202eX\u0007\u009b\u200f\u061c")).toBe("\\u001b[31mRED\\u202eX\\u0007\\u009b\\u200f\\u061c");
    expect(terminalSafe("Sheet ‘Return’ – £5, 😀\ttab\nline")).toBe("Sheet ‘Return’ – £5, 😀\ttab\nline");
    expect(showControls("a\tb\nc\rd")).toBe("a\\u0009b\\u000ac\\u000dd");
  });

  it("make every string of plain data safe, keys included", () => {
    const data = { "k\u001b": ["\u202e", 1, null, { deep: "\u0007" }], n: 2, b: true };
    expect(terminalSafeDeep(data)).toEqual({ "k\\u001b": ["\\u202e", 1, null, { deep: "\\u0007" }], n: 2, b: true });
  });

  it("write JSON that reads back to the same value with no raw control or bidi character", () => {
    const data = { file: "a\u001b\u009b\u202e\u2066b", n: -0.5, list: ["\n"] };
    const text = jsonText(data);
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(JSON.parse(text)).toEqual(data);
    expect(jsonText({ a: 1 })).toBe(JSON.stringify({ a: 1 }, null, 2));
  });

  it("find the characters that look like nothing", () => {
    expect(hasInvisible("12\u200b")).toBe(true);
    expect(hasInvisible("12")).toBe(false);
    expect(hasInvisible("12\u200b")).toBe(true); // no state carried between calls
    expect("1\u00a02\ufeff".replace(INVISIBLE, "")).toBe("12");
    expect(looksBlank(" \u200b\u00a0\ufeff\t")).toBe(true);
    expect(looksBlank(" x ")).toBe(false);
  });
});

describe("the CI formats", () => {
  it("--format github shows terminal escapes in annotations and the summary instead of passing them on", async () => {
    const { formatGithub } = await import("../../src/cli/formats/github.js");
    const bad = "x\u001b[31m\u202e|[l](http://e.example)";
    const out = formatGithub(
      oneInvalidReturn(`returns/2026-27/Q2/${bad}.csv`, [{ code: "invalid-value", severity: "error", file: `returns/2026-27/Q2/${bad}.csv`, row: 2, cell: "D2", message: `Found ${bad}.` }]),
      (f) => f,
    );
    expect(out.annotations + out.summary).not.toMatch(/[\u001b\u202e]/);
    expect(out.summary).not.toMatch(/[^\\]\[l\]|\(http:\/\//);
  });
});
