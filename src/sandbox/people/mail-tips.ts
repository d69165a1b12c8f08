import { findUser } from '../directory';
import { badRequest } from '../errors';
import type { SandboxStore } from '../store/store';
import { personalSettings } from './settings';

/** The mail tips Graph can answer that the sandbox knows about. */
const SUPPORTED = new Set(['automaticreplies', 'recipientscope']);

/**
 * Graph's `getMailTips` for `automaticReplies`: what anyone writing to these addresses would
 * be told. An automatic reply shows when it is on, or scheduled (with its window).
 */
export function mailTips(store: SandboxStore, body: Record<string, unknown>): Array<Record<string, unknown>> {
  const addresses = body.EmailAddresses ?? body.emailAddresses;
  const options = String(body.MailTipsOptions ?? body.mailTipsOptions ?? '');
  if (!Array.isArray(addresses) || addresses.length === 0 || addresses.some((a) => typeof a !== 'string')) {
    throw badRequest("'EmailAddresses' must list at least one address.", 'ErrorInvalidRequest');
  }
  const wanted = options
    .split(',')
    .map((o) => o.trim().toLowerCase())
    .filter(Boolean);
  if (wanted.length === 0 || wanted.some((o) => !SUPPORTED.has(o)))
    throw badRequest(`Unsupported MailTipsOptions '${options}'.`, 'ErrorInvalidRequest');
  return (addresses as string[]).map((address) => {
    const user = findUser(address);
    const tip: Record<string, unknown> = { emailAddress: { name: '', address } };
    if (!user)
      return {
        ...tip,
        error: { code: 'ErrorMailRecipientNotFound', message: `The recipient ${address} was not found.` },
      };
    if (wanted.includes('recipientscope')) tip.recipientScope = 'internal';
    if (wanted.includes('automaticreplies')) {
      const replies = personalSettings(store, user.id).automaticRepliesSetting;
      tip.automaticReplies =
        replies.status === 'disabled'
          ? { message: '' }
          : {
              message: replies.internalReplyMessage,
              messageLanguage: { locale: 'en-US', displayName: 'English (United States)' },
              ...(replies.status === 'scheduled'
                ? { scheduledStartTime: replies.scheduledStartDateTime, scheduledEndTime: replies.scheduledEndDateTime }
                : {}),
            };
    }
    return tip;
  });
}
