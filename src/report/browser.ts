// Finding the Chrome, Chromium or Edge already on the user's machine: darep never downloads one,
// because councils' locked-down PCs block such downloads.
import { win32 } from "node:path";
import { RunError } from "../errors.js";

export interface FoundBrowser {
  path: string;
  /** Where the path came from, for `--debug` and error messages: "--browser", "DAREP_BROWSER", ... */
  source: string;
}

export interface FindBrowserOptions {
  browser?: string;
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  exists: (p: string) => boolean;
}

// The headless shell comes first: it starts in a third of the time and uses half the memory.
const LINUX = [
  "/usr/lib/chromium/chromium-headless-shell",
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/opt/google/chrome/chrome",
  "/usr/bin/microsoft-edge",
  "/usr/bin/microsoft-edge-stable",
  "/usr/local/bin/chromium",
  // Last: snap confinement can stop it reading a profile folder under /tmp.
  "/snap/bin/chromium",
];

const MAC_APPS = ["Google Chrome.app/Contents/MacOS/Google Chrome", "Chromium.app/Contents/MacOS/Chromium", "Microsoft Edge.app/Contents/MacOS/Microsoft Edge"];

/** Windows environment names are case-insensitive, but a plain object passed in tests is not. */
function winEnv(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const key = Object.keys(env).find((k) => k.toLowerCase() === name.toLowerCase());
  const value = key === undefined ? undefined : env[key];
  return value ? value : undefined;
}

function windowsPaths(env: NodeJS.ProcessEnv): string[] {
  const pf = winEnv(env, "ProgramFiles") ?? "C:\\Program Files";
  const pf86 = winEnv(env, "ProgramFiles(x86)") ?? "C:\\Program Files (x86)";
  const local = winEnv(env, "LOCALAPPDATA");
  const chrome = ["Google", "Chrome", "Application", "chrome.exe"];
  const edge = ["Microsoft", "Edge", "Application", "msedge.exe"];
  const paths = [win32.join(pf, ...chrome), win32.join(pf86, ...chrome)];
  if (local) paths.push(win32.join(local, ...chrome));
  // Edge is on every Windows PC, so it is the fallback that almost always works.
  paths.push(win32.join(pf86, ...edge), win32.join(pf, ...edge));
  return paths;
}

/** The well-known install paths for a platform, best first. */
export function installedPaths(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  if (platform === "win32") return windowsPaths(env);
  if (platform === "darwin") {
    const home = env.HOME ? `${env.HOME}/Applications/` : null;
    return [...MAC_APPS.map((a) => `/Applications/${a}`), ...(home ? MAC_APPS.map((a) => home + a) : [])];
  }
  return LINUX;
}

/**
 * The browser to print with, or null when there is none. A path the user named explicitly must exist:
 * silently falling back to another browser would hide their typo.
 */
export function findBrowser(opts: FindBrowserOptions): FoundBrowser | null {
  const { env, exists } = opts;
  const explicit: [string | undefined, string][] = [
    [opts.browser, "--browser"],
    [env.DAREP_BROWSER, "DAREP_BROWSER"],
  ];
  for (const [path, source] of explicit) {
    if (!path) continue;
    if (!exists(path)) throw new RunError(`The browser given by ${source} does not exist: ${path}`);
    return { path, source };
  }
  // Another tool's setting, perhaps stale: used when it points at a browser, passed over when not.
  const puppeteerPath = env.PUPPETEER_EXECUTABLE_PATH;
  if (puppeteerPath && exists(puppeteerPath)) return { path: puppeteerPath, source: "PUPPETEER_EXECUTABLE_PATH" };
  const path = installedPaths(opts.platform, env).find((p) => exists(p));
  return path ? { path, source: "installed" } : null;
}

/** One paragraph for the user: what happened, and exactly how to get or name a browser. */
export function noBrowserMessage(platform: NodeJS.Platform): string {
  const get =
    platform === "win32"
      ? "Microsoft Edge normally comes with Windows; if it has been removed, install Google Chrome or Edge"
      : platform === "darwin"
        ? "Install Google Chrome (or Microsoft Edge or Chromium) into /Applications"
        : "On Debian or Ubuntu, install Chromium with `sudo apt-get install chromium`; on other Linux systems install Chromium or Google Chrome with the system's package manager";
  return (
    "Printing the PDF needs Google Chrome, Chromium or " +
    `Microsoft Edge, and none was found on this computer. ${get}, then run darep again. If a browser is ` +
    "installed somewhere darep does not look, point darep at it with `--browser <path>` or the " +
    "DAREP_BROWSER environment variable."
  );
}
