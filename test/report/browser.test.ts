// Unit tests for finding the user's browser: the order of sources and each platform's install paths,
// with a fake disk so they run the same on every machine.
import { describe, expect, it } from "vitest";
import { RunError } from "../../src/errors.js";
import { findBrowser, noBrowserMessage } from "../../src/report/browser.js";

const disk =
  (...paths: string[]) =>
  (p: string) =>
    paths.includes(p);

describe("findBrowser", () => {
  it("prefers --browser over every other source", () => {
    const found = findBrowser({
      browser: "/opt/mine/chrome",
      env: { DAREP_BROWSER: "/usr/bin/chromium", PUPPETEER_EXECUTABLE_PATH: "/usr/bin/chromium" },
      platform: "linux",
      exists: disk("/opt/mine/chrome", "/usr/bin/chromium"),
    });
    expect(found).toEqual({ path: "/opt/mine/chrome", source: "--browser" });
  });

  it("throws a RunError naming the path when --browser points nowhere, rather than falling back", () => {
    const find = () => findBrowser({ browser: "/nope/chrome", env: {}, platform: "linux", exists: disk("/usr/bin/chromium") });
    expect(find).toThrow(RunError);
    expect(find).toThrow(/--browser.*does not exist.*\/nope\/chrome/);
  });

  it("uses DAREP_BROWSER next, and throws when it points nowhere", () => {
    const env = { DAREP_BROWSER: "/opt/c/chrome", PUPPETEER_EXECUTABLE_PATH: "/usr/bin/chromium" };
    expect(findBrowser({ env, platform: "linux", exists: disk("/opt/c/chrome", "/usr/bin/chromium") })).toEqual({ path: "/opt/c/chrome", source: "DAREP_BROWSER" });
    expect(() => findBrowser({ env, platform: "linux", exists: disk("/usr/bin/chromium") })).toThrow(/DAREP_BROWSER.*\/opt\/c\/chrome/);
  });

  it("treats an empty --browser or DAREP_BROWSER as not given", () => {
    const found = findBrowser({ browser: "", env: { DAREP_BROWSER: "" }, platform: "linux", exists: disk("/usr/bin/chromium") });
    expect(found).toEqual({ path: "/usr/bin/chromium", source: "installed" });
  });

  it("uses PUPPETEER_EXECUTABLE_PATH before installed browsers, and passes over it when stale", () => {
    const env = { PUPPETEER_EXECUTABLE_PATH: "/opt/p/chrome" };
    expect(findBrowser({ env, platform: "linux", exists: disk("/opt/p/chrome", "/usr/bin/chromium") })).toEqual({ path: "/opt/p/chrome", source: "PUPPETEER_EXECUTABLE_PATH" });
    expect(findBrowser({ env, platform: "linux", exists: disk("/usr/bin/chromium") })).toEqual({ path: "/usr/bin/chromium", source: "installed" });
  });

  it("on Linux prefers the headless shell, then Chromium, Chrome, Edge and snap", () => {
    const all = ["/snap/bin/chromium", "/usr/bin/microsoft-edge", "/usr/bin/google-chrome", "/usr/bin/chromium", "/usr/lib/chromium/chromium-headless-shell"];
    const order: string[] = [];
    const left = [...all];
    while (left.length) {
      const found = findBrowser({ env: {}, platform: "linux", exists: disk(...left) });
      order.push(found!.path);
      left.splice(left.indexOf(found!.path), 1);
    }
    expect(order).toEqual([...all].reverse());
  });

  it("finds Chrome, Chromium and Edge on macOS", () => {
    const chrome = "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome";
    const edge = "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge";
    const chromium = "/Applications/Chromium.app/Contents/MacOS/Chromium";
    expect(findBrowser({ env: {}, platform: "darwin", exists: disk(edge, chrome) })?.path).toBe(chrome);
    expect(findBrowser({ env: {}, platform: "darwin", exists: disk(edge, chromium) })?.path).toBe(chromium);
    expect(findBrowser({ env: {}, platform: "darwin", exists: disk(edge) })?.path).toBe(edge);
    const home = "/Users/ann/Applications/Google Chrome.app/Contents/MacOS/Google Chrome";
    expect(findBrowser({ env: { HOME: "/Users/ann" }, platform: "darwin", exists: disk(home) })?.path).toBe(home);
  });

  it("finds Chrome in Program Files, Program Files (x86) and LOCALAPPDATA, then Edge, on Windows", () => {
    const env = { ProgramFiles: "C:\\Program Files", "ProgramFiles(x86)": "C:\\Program Files (x86)", LOCALAPPDATA: "C:\\Users\\ann\\AppData\\Local" };
    const chrome64 = "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe";
    const chrome86 = "C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe";
    const chromeUser = "C:\\Users\\ann\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe";
    const edge86 = "C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe";
    const edge64 = "C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe";
    const find = (...paths: string[]) => findBrowser({ env, platform: "win32", exists: disk(...paths) })?.path;
    expect(find(edge86, chrome64)).toBe(chrome64);
    expect(find(edge86, chrome86)).toBe(chrome86);
    expect(find(edge86, chromeUser)).toBe(chromeUser);
    expect(find(edge64, edge86)).toBe(edge86);
    expect(find(edge64)).toBe(edge64);
  });

  it("on Windows reads the environment whatever its case, and knows the default folders without it", () => {
    const edge = "D:\\Apps (x86)\\Microsoft\\Edge\\Application\\msedge.exe";
    expect(findBrowser({ env: { "PROGRAMFILES(X86)": "D:\\Apps (x86)" }, platform: "win32", exists: disk(edge) })?.path).toBe(edge);
    const standard = "C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe";
    expect(findBrowser({ env: {}, platform: "win32", exists: disk(standard) })?.path).toBe(standard);
  });

  it("returns null when there is no browser, and never looks at another platform's paths", () => {
    expect(findBrowser({ env: {}, platform: "linux", exists: () => false })).toBeNull();
    expect(findBrowser({ env: {}, platform: "win32", exists: disk("/usr/bin/chromium") })).toBeNull();
    expect(findBrowser({ env: {}, platform: "darwin", exists: disk("/usr/bin/chromium") })).toBeNull();
  });

  it("only asks `exists` about paths, so it needs no disk", () => {
    const asked: string[] = [];
    findBrowser({
      env: {},
      platform: "linux",
      exists: (p) => {
        asked.push(p);
        return false;
      },
    });
    expect(asked[0]).toBe("/usr/lib/chromium/chromium-headless-shell");
    expect(asked).toContain("/snap/bin/chromium");
  });
});

describe("noBrowserMessage", () => {
  it("tells Linux users the apt-get command and how to name a browser", () => {
    const m = noBrowserMessage("linux");
    expect(m).toContain("sudo apt-get install chromium");
    expect(m).toContain("--browser <path>");
    expect(m).toContain("DAREP_BROWSER");
    expect(m).toMatch(/^Printing the PDF needs Google Chrome, Chromium or Microsoft Edge/);
    expect(m).not.toContain("\n");
  });

  it("tells macOS and Windows users to install Chrome or use Edge", () => {
    expect(noBrowserMessage("darwin")).toMatch(/Google Chrome/);
    expect(noBrowserMessage("darwin")).not.toContain("apt-get");
    expect(noBrowserMessage("win32")).toMatch(/Edge/);
    expect(noBrowserMessage("win32")).toMatch(/Chrome/);
    expect(noBrowserMessage("win32")).not.toContain("apt-get");
  });
});
