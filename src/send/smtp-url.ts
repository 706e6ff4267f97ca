// DAREP_SMTP_URL read into the settings darep will connect with, refusing anything that could send
// the board pack in clear text: TLS (smtps://, or smtp:// with STARTTLS required) except to a server on
// this machine. Pure: the URL's text comes in; nothing connects. No message names the credentials.
import { isIP } from "node:net";
import { RunError } from "../errors.js";

export const SMTP_ENV = "DAREP_SMTP_URL";

export interface SmtpSettings {
  host: string;
  port: number;
  /** TLS from the first byte (smtps://). */
  secure: boolean;
  /** Refuse to send unless the server upgrades to TLS with STARTTLS (smtp:// to another machine). */
  requireTLS: boolean;
  /** No STARTTLS at all: only ever to a loopback host. */
  ignoreTLS: boolean;
  auth: { user: string; pass: string } | null;
  /** "host:port", what messages may show. */
  shown: string;
}

/** A host on this machine: localhost, 127.0.0.0/8 or ::1. Names other than "localhost" are not resolved. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, "").toLowerCase();
  if (h === "localhost" || h.endsWith(".localhost")) return true;
  if (isIP(h) === 4) return h.startsWith("127.");
  if (isIP(h) === 6) return h === "::1" || h === "0:0:0:0:0:0:0:1";
  return false;
}

const EXAMPLE = "e.g. smtps://user:password@smtp.example.org:465 or smtp://user:password@smtp.example.org:587";

export function smtpSettings(url: string | undefined): SmtpSettings {
  if (url === undefined || url.trim() === "") throw new RunError(`${SMTP_ENV} is not set: set it to your mail server (${EXAMPLE}), or use --dry-run to write the messages as .eml files instead.`);
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    throw new RunError(`${SMTP_ENV} is not a URL darep can read: write it as ${EXAMPLE} (percent-encode any @ or : in the password).`);
  }
  const scheme = u.protocol.replace(/:$/, "").toLowerCase();
  if (scheme !== "smtp" && scheme !== "smtps") throw new RunError(`${SMTP_ENV} must start with smtp:// or smtps:// (${EXAMPLE}).`);
  const host = u.hostname.replace(/^\[|\]$/g, "");
  if (!host) throw new RunError(`${SMTP_ENV} names no server (${EXAMPLE}).`);
  const secure = scheme === "smtps";
  const port = u.port ? Number(u.port) : secure ? 465 : 587;
  const shown = `${host.includes(":") ? `[${host}]` : host}:${port}`;
  const loopback = isLoopback(host);

  let ignoreTLS = false;
  for (const [key, value] of u.searchParams) {
    if (key === "ignoreTLS" && value === "true") ignoreTLS = true;
    else throw new RunError(`${SMTP_ENV} has a setting darep does not know ('${key}'): the only one is ignoreTLS=true, for a server on this machine.`);
  }
  if (ignoreTLS && secure) throw new RunError(`${SMTP_ENV}: ignoreTLS=true contradicts smtps://; use one or the other.`);
  if (ignoreTLS && !loopback)
    throw new RunError(
      `${SMTP_ENV} asks to send to ${shown} without TLS, and darep sends without TLS only to a server on this machine: use smtps:// (port 465) or smtp:// with STARTTLS (port 587), which darep requires.`,
    );
  const user = decodeURIComponent(u.username);
  const pass = decodeURIComponent(u.password);
  return {
    host,
    port,
    secure,
    // To another machine, smtp:// must upgrade with STARTTLS or nothing is sent; to this one it need not.
    requireTLS: !secure && !loopback,
    ignoreTLS: ignoreTLS || (!secure && loopback),
    auth: user || pass ? { user, pass } : null,
    shown,
  };
}

/** Remove every form of the credentials from a message before anyone sees it. */
export function scrub(text: string, settings: Pick<SmtpSettings, "auth">, url?: string): string {
  // A user name of a letter or two would blank out half the sentence; such a name is no secret anyway.
  const user = settings.auth && settings.auth.user.length >= 4 ? settings.auth.user : undefined;
  const secrets = [url, settings.auth?.pass, settings.auth && encodeURIComponent(settings.auth.pass), user];
  // As an AUTH PLAIN or LOGIN exchange carries them, should a server echo one back.
  if (settings.auth) secrets.push(...[settings.auth.pass, `\u0000${settings.auth.user}\u0000${settings.auth.pass}`].map((s) => Buffer.from(s).toString("base64")));
  let out = text;
  // Longest first, so that no part of a longer secret is left behind by a shorter one inside it.
  for (const s of secrets.filter((x): x is string => !!x).sort((a, b) => b.length - a.length)) out = out.split(s).join("***");
  return out;
}
