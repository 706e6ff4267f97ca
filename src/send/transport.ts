// Delivery over SMTP with nodemailer, to the server DAREP_SMTP_URL names and nowhere else. Every
// failure becomes one plain sentence with the credentials scrubbed out; nodemailer's own logging is off.
import nodemailer from "nodemailer";
import { RunError } from "../errors.js";
import { scrub, type SmtpSettings } from "./smtp-url.js";

export interface Delivery {
  /** Send one message's bytes to one recipient. */
  deliver(raw: Buffer, envelope: { from: string; to: string }): Promise<void>;
  close(): void;
}

/** Failures that mean no message can go (as against one recipient refused). */
export class ServerError extends RunError {}

function sentence(e: unknown, settings: SmtpSettings, url: string): { message: string; fatal: boolean } {
  const err = e as { code?: string; responseCode?: number; response?: string; message?: string };
  const said = err.response ? `: the server said "${scrub(err.response.trim().split("\n")[0]!, settings, url)}"` : "";
  switch (err.code) {
    case "ECONNECTION":
    case "ESOCKET":
    case "ETIMEDOUT":
    case "EDNS":
      return { message: `could not talk to the mail server ${settings.shown} (${scrub(err.message ?? "no reply", settings, url)}).`, fatal: true };
    case "EAUTH":
      return { message: `the mail server ${settings.shown} refused the user name and password in DAREP_SMTP_URL${said}.`, fatal: true };
    case "ETLS":
      return { message: `the mail server ${settings.shown} did not set up TLS, so nothing was sent: use smtps:// or a server that offers STARTTLS.`, fatal: true };
    case "EENVELOPE":
      return { message: `the mail server refused the address${said}.`, fatal: false };
    default:
      if (err.responseCode && err.responseCode >= 500) return { message: `the mail server refused the message${said}.`, fatal: false };
      return { message: `the message could not be sent: ${scrub(err.message ?? String(e), settings, url)}.`, fatal: true };
  }
}

export function smtpDelivery(settings: SmtpSettings, url: string): Delivery {
  const transporter = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    requireTLS: settings.requireTLS,
    ignoreTLS: settings.ignoreTLS,
    ...(settings.auth ? { auth: settings.auth } : {}),
    disableFileAccess: true,
    disableUrlAccess: true,
    logger: false,
    debug: false,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
  return {
    async deliver(raw, envelope) {
      try {
        const info = await transporter.sendMail({ envelope: { from: envelope.from, to: [envelope.to] }, raw });
        if (info.rejected?.length) throw Object.assign(new Error("refused"), { code: "EENVELOPE", response: String(info.response ?? "") });
      } catch (e) {
        const { message, fatal } = sentence(e, settings, url);
        throw fatal ? new ServerError(message) : new RunError(message);
      }
    },
    close: () => transporter.close(),
  };
}
