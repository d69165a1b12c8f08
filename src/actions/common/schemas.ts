import { z } from 'zod';
import { isIsoDateTime, isTimeZone } from './time';

/** An ISO-8601 instant (or date). */
export const isoInstant = z.string().refine(isIsoDateTime, { message: 'must be an ISO-8601 date and time' });

/** An IANA time zone name such as Europe/London. */
export const timeZone = z.string().refine(isTimeZone, { message: 'must be a time zone such as Europe/London' });

/** An email address. */
export const email = z.email();

/** A mail message as the mail actions pass it around. */
export const mailMessage = z.object({
  id: z.string(),
  subject: z.string(),
  from: z.object({ name: z.string(), address: z.string() }),
  receivedDateTime: z.string(),
  bodyPreview: z.string(),
  isRead: z.boolean(),
  webLink: z.string().optional(),
  /** Present when the reader asked Graph for it (mail.search does). */
  hasAttachments: z.boolean().optional(),
  /** The conversation (thread) the message belongs to, when known. */
  conversationId: z.string().optional(),
});
export type MailMessage = z.infer<typeof mailMessage>;
