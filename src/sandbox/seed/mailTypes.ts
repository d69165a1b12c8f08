import type { PersonKey } from './people';

/**
 * When a seeded mail arrives: `w: 0` is the current (Monday-start) week at fraction `f` of the
 * time elapsed since Monday 00:00, so it is never in the future; `w: n` is n weeks earlier on
 * weekday `d` (0 = Monday) at `at` (UTC).
 */
export type SeedTime =
  { readonly w: 0; readonly f: number } | { readonly w: 1 | 2 | 3; readonly d: 0 | 1 | 2 | 3 | 4; readonly at: string };

/** One seeded mail, delivered to every tenant recipient's Inbox and the tenant sender's Sent Items. */
export interface MailSeed {
  readonly key: string;
  readonly when: SeedTime;
  readonly from: PersonKey;
  readonly to: readonly PersonKey[];
  readonly cc?: readonly PersonKey[];
  readonly subject: string;
  /** Paragraphs; the sender's sign-off is added. */
  readonly text: readonly string[];
  readonly unread?: boolean;
  readonly high?: boolean;
  /** Messages sharing a thread key share a conversationId. */
  readonly thread?: string;
  readonly attach?: boolean;
  /** Plain-text body (automated senders) instead of HTML. */
  readonly plain?: boolean;
}

type Opts = Pick<MailSeed, 'cc' | 'unread' | 'high' | 'thread' | 'attach' | 'plain'>;

/** Compact constructor for the data files. */
export const mail = (
  key: string,
  when: SeedTime,
  from: PersonKey,
  to: readonly PersonKey[],
  subject: string,
  text: readonly string[],
  opts: Opts = {},
): MailSeed => ({ key, when, from, to, subject, text, ...opts });
