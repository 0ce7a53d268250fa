import nodemailer, { type Transporter } from 'nodemailer';
import type { NotifySettings } from '../../../platform/config.ts';

type Smtp = NonNullable<NotifySettings['smtp']>;

/** One transporter per SMTP configuration: nodemailer keeps no pool unless asked, so this is cheap to reuse. */
const transporters = new Map<string, Transporter>();

function transporterFor(smtp: Smtp): Transporter {
  const key = JSON.stringify(smtp);
  let transporter = transporters.get(key);
  if (!transporter) {
    transporter = nodemailer.createTransport({
      host: smtp.host,
      port: smtp.port,
      secure: smtp.secure,
      auth: smtp.user ? { user: smtp.user, pass: smtp.pass ?? '' } : undefined,
      // A local relay without a certificate still gets STARTTLS offered; only a TLS port demands it.
      tls: { rejectUnauthorized: smtp.secure },
      connectionTimeout: 10_000,
      socketTimeout: 20_000,
    });
    transporters.set(key, transporter);
  }
  return transporter;
}

/** Sends one plain-text notice; resolves with the relay's message id, rejects with its refusal. */
export async function sendEmail(smtp: Smtp, to: string, subject: string, text: string): Promise<string> {
  const info = await transporterFor(smtp).sendMail({ from: smtp.from, to, subject, text });
  return info.messageId;
}
