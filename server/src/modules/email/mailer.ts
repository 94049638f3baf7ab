import nodemailer from 'nodemailer';
import type { MailConfig } from '../../core/config/config.js';
import { OutboxMail } from './outbox-mail.model.js';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments?: { filename: string; content: string; contentType: string }[];
}

export interface Mailer {
  /** `smtp`: sent through SMTP_URL. `outbox`: kept for the development outbox page. */
  readonly kind: 'smtp' | 'outbox';
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** One way out for every mail: SMTP when configured, else the outbox collection. */
export function createMailer(config: MailConfig): Mailer {
  if (config.smtpUrl) {
    const transport = nodemailer.createTransport(config.smtpUrl);
    return {
      kind: 'smtp',
      async send(mail) {
        await transport.sendMail({ from: config.from, ...mail });
      },
      close: () => transport.close(),
    };
  }
  return {
    kind: 'outbox',
    async send(mail) {
      await OutboxMail.create({
        from: config.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        attachments: (mail.attachments ?? []).map(({ filename, contentType }) => ({
          filename,
          contentType,
        })),
      });
    },
    close: () => undefined,
  };
}
