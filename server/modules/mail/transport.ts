/**
 * Where queued mail goes: an SMTP server through nodemailer (`ACCT_SMTP_URL`), or, in
 * development, the outbox — the message stays in the queue, readable through
 * `/api/dev/outbox`, so someone trying the demo can click its links without a mail server.
 */
import nodemailer from 'nodemailer';

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface MailTransport {
  /** `smtp` sends for real; `outbox` keeps messages for the development outbox page. */
  kind: 'smtp' | 'outbox' | 'none';
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export function createTransport(smtpUrl: string | undefined, devOutbox: boolean): MailTransport {
  if (smtpUrl) {
    // Timeouts keep a dead mail server from holding the worker; the queue retries later.
    const transporter = nodemailer.createTransport(smtpUrl, {
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    } as Parameters<typeof nodemailer.createTransport>[1]);
    return {
      kind: 'smtp',
      async send(mail) {
        await transporter.sendMail(mail);
      },
      close: () => transporter.close(),
    };
  }
  if (devOutbox) return { kind: 'outbox', send: async () => {}, close: () => {} };
  return {
    kind: 'none',
    send: async () => {
      throw new Error('no mail transport: set ACCT_SMTP_URL (or ACCT_DEV_OUTBOX=true in development)');
    },
    close: () => {},
  };
}
