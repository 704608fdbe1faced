/**
 * A real SMTP server for tests (smtp-server on loopback), so the mail queue is tested against the
 * network protocol nodemailer speaks in production rather than a stub. It accepts any message
 * without authentication or TLS, parses it with mailparser, and keeps it for assertions. It can
 * be stopped and started again on the same port, to play a mail server that goes down and comes
 * back (docs/security.md I3).
 */
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A message as the sink received it. */
export interface SinkMessage {
  /** Envelope recipients (RCPT TO), lower-cased. */
  to: string[];
  from: string;
  subject: string;
  /** The plain-text part ('' when there was none). */
  text: string;
  /** The HTML part ('' when there was none). */
  html: string;
}

export class SmtpSink {
  /** Everything received since the sink was created, oldest first. */
  readonly messages: SinkMessage[] = [];
  private server: SMTPServer | undefined;
  private listeners = new Set<() => void>();
  private boundPort = 0;

  /** The port the sink listens (or last listened) on. */
  get port(): number {
    return this.boundPort;
  }

  /** `smtp://127.0.0.1:<port>`, for ACCT_SMTP_URL. */
  get url(): string {
    return `smtp://127.0.0.1:${this.boundPort}`;
  }

  /** Starts listening on loopback: a free port the first time, the same port again after `stop()`. */
  async start(): Promise<this> {
    if (this.server) return this;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      closeTimeout: 1000,
      onData: (stream, session, callback) => {
        simpleParser(stream).then(
          (parsed) => {
            this.messages.push({
              to: (session.envelope.rcptTo || []).map((r) => r.address.toLowerCase()),
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: parsed.html || '',
            });
            for (const notify of this.listeners) notify();
            callback();
          },
          (err: Error) => callback(err),
        );
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(this.boundPort, '127.0.0.1', () => resolve());
    });
    this.boundPort = (server.server.address() as AddressInfo).port;
    this.server = server;
    return this;
  }

  /** Stops listening; connections are refused until `start()` again. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The first message (already received or arriving within `timeoutMs`) that `predicate` accepts. */
  waitFor(predicate: (message: SinkMessage) => boolean, timeoutMs = 5000): Promise<SinkMessage> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.messages.find(predicate);
        if (!found) return false;
        clearTimeout(timer);
        this.listeners.delete(check);
        resolve(found);
        return true;
      };
      const timer = setTimeout(() => {
        this.listeners.delete(check);
        reject(
          new Error(
            `no matching mail within ${timeoutMs} ms (received ${this.messages.length}: ${this.messages.map((m) => `${m.to.join(',')} "${m.subject}"`).join('; ')})`,
          ),
        );
      }, timeoutMs);
      if (!check()) this.listeners.add(check);
    });
  }
}

/** A started sink. */
export async function startSmtpSink(): Promise<SmtpSink> {
  return new SmtpSink().start();
}
