import { z } from 'zod';
import type { ActionSpec } from '../../engine/catalogue';
import type { GraphGateway } from '../../graph/types';
import { display } from '../common/display';
import { IMMUTABLE_IDS } from './message';
import { messagePath } from './read';

const FLAG_WORDS = { flagged: 'Flag', complete: 'Mark complete', notFlagged: 'Clear the flag on' } as const;

export const mailUpdateInput = z
  .object({
    /** The messages to change, e.g. mail.search's `ids` (none: nothing to do). */
    messageIds: z.array(z.string().min(1)).max(50),
    /** Follow-up flag: flagged, complete, or notFlagged (clear). */
    flag: z.enum(['flagged', 'complete', 'notFlagged']).optional(),
    /** Mark as read (true) or unread (false). */
    isRead: z.boolean().optional(),
  })
  .refine((input) => input.flag !== undefined || input.isRead !== undefined, {
    message: 'say what to change: flag and/or isRead',
  });
export type MailUpdateInput = z.infer<typeof mailUpdateInput>;

export const mailUpdateOutput = z.object({ updated: z.array(z.string()) });
export type MailUpdateOutput = z.infer<typeof mailUpdateOutput>;

function whatChanges(input: Record<string, unknown>): string {
  const parts: string[] = [];
  if (typeof input.flag === 'string' && input.flag in FLAG_WORDS)
    parts.push(FLAG_WORDS[input.flag as keyof typeof FLAG_WORDS]);
  if (input.isRead === true) parts.push(parts.length > 0 ? 'mark as read' : 'Mark as read');
  if (input.isRead === false) parts.push(parts.length > 0 ? 'mark as unread' : 'Mark as unread');
  return parts.join(' and ') || 'Update';
}

export function mailUpdate(gateway: GraphGateway): ActionSpec<MailUpdateInput, MailUpdateOutput> {
  return {
    name: 'mail.update',
    description:
      "Flag messages for follow-up (flag: flagged | complete | notFlagged) and/or mark them read or unread (isRead) in the requester's mailbox (messageIds, e.g. mail.search's ids). Sets the state, so running it again changes nothing.",
    input: mailUpdateInput,
    output: mailUpdateOutput,
    risk: 'write-internal',
    permissions: { delegated: ['Mail.ReadWrite'], application: ['Mail.ReadWrite'] },
    editable: [],
    describe(input) {
      const ids = input.messageIds;
      const count = Array.isArray(ids)
        ? `${ids.length} message${ids.length === 1 ? '' : 's'}`
        : `the messages ${display(ids)}`;
      const fields = [
        { label: 'Messages', value: Array.isArray(ids) ? String(ids.length) : display(ids) },
        ...(input.flag !== undefined ? [{ label: 'Flag', value: display(input.flag) }] : []),
        ...(input.isRead !== undefined ? [{ label: 'Read', value: input.isRead === true ? 'Yes' : 'No' }] : []),
      ];
      return { title: `${whatChanges(input)} ${count}`, target: 'Your mailbox', reads: 'Nothing', fields };
    },
    async run(input, ctx) {
      const graph = gateway.forUser(ctx.actor);
      const change = {
        ...(input.flag !== undefined ? { flag: { flagStatus: input.flag } } : {}),
        ...(input.isRead !== undefined ? { isRead: input.isRead } : {}),
      };
      const updated: string[] = [];
      // PATCH sets a state, so a retry after a partial run converges.
      for (const id of [...new Set(input.messageIds)]) {
        await graph.patch(messagePath(ctx.actor.id, id), change, {
          headers: IMMUTABLE_IDS,
          signal: ctx.signal,
          what: 'the message',
        });
        updated.push(id);
      }
      return { output: { updated }, provenance: updated };
    },
  };
}
