/**
 * Mailers: SMTP through nodemailer when STEWARD_SMTP_URL is set, otherwise the console (a local
 * install with no mail server still lets an owner copy an invitation link from the terminal).
 */
import { createTransport } from "nodemailer";
import { config } from "../config.ts";
import type { Mailer } from "../server/deps.ts";

export interface SmtpSettings {
  /** `smtp://user:pass@host:587` or `smtps://...`; STARTTLS is used whenever the server offers it. */
  url: string;
  /** The From header, e.g. `Steward <steward@example.com>`. */
  from: string;
}

export function smtpMailer(settings: SmtpSettings): Mailer {
  const transport = createTransport(settings.url);
  return {
    async send(message) {
      await transport.sendMail({
        from: settings.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
      });
    },
  };
}

/** Writes each message to `write` (standard output by default) instead of sending it. */
export function consoleMailer(write: (text: string) => void = (text) => process.stdout.write(text)): Mailer {
  return {
    send(message) {
      write(
        `\n--- email (no SMTP server configured: set STEWARD_SMTP_URL to send) ---\n` +
          `To: ${message.to}\nSubject: ${message.subject}\n\n${message.text}\n--- end of email ---\n`,
      );
      return Promise.resolve();
    },
  };
}

/** The mailer the configuration asks for. */
export function mailerFromConfig(): Mailer {
  const settings = config();
  return settings.STEWARD_SMTP_URL
    ? smtpMailer({ url: settings.STEWARD_SMTP_URL, from: settings.STEWARD_MAIL_FROM })
    : consoleMailer();
}
