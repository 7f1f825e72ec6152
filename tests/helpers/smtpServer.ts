// A real SMTP server inside the test process (smtp-server), and the mails it received as a mail
// client reads them (mailparser): what the customer would see, decoded.
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string;
  from: string;
  subject: string;
  text: string;
}

export interface TestSmtp {
  url(): string;
  received: ReceivedMail[];
  /** starts listening (again) on the same port */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createTestSmtp(): TestSmtp {
  const received: ReceivedMail[] = [];
  let port = 0;
  let server: SMTPServer | undefined;
  return {
    received,
    url: () => `smtp://127.0.0.1:${port}`,
    async start() {
      server = new SMTPServer({
        authOptional: true,
        disabledCommands: ['STARTTLS'],
        logger: false,
        onData(stream, _session, done) {
          simpleParser(stream).then((mail) => {
            const to = Array.isArray(mail.to) ? mail.to.map((a) => a.text).join(', ') : mail.to?.text ?? '';
            received.push({ to, from: mail.from?.text ?? '', subject: mail.subject ?? '', text: mail.text ?? '' });
            done();
          }, done);
        },
      });
      await new Promise<void>((resolve, reject) => {
        server!.once('error', reject);
        server!.listen(port, '127.0.0.1', () => resolve());
      });
      port = (server.server.address() as AddressInfo).port;
    },
    async stop() {
      const s = server;
      server = undefined;
      if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
    },
  };
}
