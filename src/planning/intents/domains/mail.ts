import type { DomainIntent } from '../domain';
import { draftMail } from '../mail/draft';
import { findMail } from '../mail/find';
import { flagMail } from '../mail/flag';
import { forwardLatestMail } from '../mail/forward-latest';
import { moveMail } from '../mail/move';
import { replyToLatestMail } from '../mail/reply-latest';
import { sendNote } from '../mail/send-note';
import { summariseMailThread } from '../mail/summarise-thread';

/** The rule planner's mail requests, tried in order (most specific wording first). */
export const mailIntents: readonly DomainIntent[] = [
  draftMail,
  replyToLatestMail,
  forwardLatestMail,
  summariseMailThread,
  flagMail,
  moveMail,
  sendNote,
  findMail,
];
