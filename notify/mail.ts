// Mail to customers over SMTP (SMTP_URL), with nodemailer: the transport, and the subscriber that
// mails each notice to the address the request was made with.
import nodemailer from 'nodemailer';
import type { HelpdeskStore } from '../tickets/helpdeskStore.js';
import type { RequestEvent } from '../tickets/requestChanges.js';
import { customerNotice } from './customerNotices.js';
import type { Delivery, Subscriber } from './dispatcher.js';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  /** Resolves once the server accepted it; throws if it did not (the outbox retries). */
  send(message: MailMessage): Promise<void>;
  close(): void;
  /** an answer to these mails reaches the support team (a Reply-To is set) */
  readonly takesReplies: boolean;
}

export interface SmtpOptions {
  /** smtp://user:pass@host:587 or smtps://… */
  url: string;
  /** the sender, e.g. "Scriba support <support@scriba.example>" */
  from: string;
  replyTo?: string;
  /** give up on a connection after this long (default 15 s): the outbox tries again later */
  timeoutMs?: number;
}

export function createSmtpMailer({ url, from, replyTo, timeoutMs = 15_000 }: SmtpOptions): Mailer {
  const transport = nodemailer.createTransport(url, { connectionTimeout: timeoutMs, greetingTimeout: timeoutMs, socketTimeout: timeoutMs });
  return {
    async send({ to, subject, text }) {
      await transport.sendMail({ from, to, subject, text, ...(replyTo ? { replyTo } : {}) });
    },
    close: () => transport.close(),
    takesReplies: replyTo !== undefined,
  };
}

/** Mails the customer what customerNotice says, when the request has an email address. */
export function mailSubscriber(store: Pick<HelpdeskStore, 'findByReference'>, mailer: Mailer): Subscriber {
  return {
    name: 'mail',
    async deliver(event: RequestEvent): Promise<Delivery> {
      const request = await store.findByReference(event.reference);
      const to = request?.contact.email;
      if (!request || !to) return 'unreachable';
      const notice = customerNotice(event, request, { mailReplies: mailer.takesReplies });
      if (notice) await mailer.send({ to, subject: notice.subject, text: notice.mail });
      return 'delivered';
    },
  };
}
