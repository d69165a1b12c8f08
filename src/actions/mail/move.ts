import { z } from 'zod';
import type { ActionSpec } from '../../engine/catalogue';
import type { GraphGateway } from '../../graph/types';
import { display } from '../common/display';
import { userRoot } from '../common/keys';
import { folderKey } from './folders';
import { IMMUTABLE_IDS, type GraphMessage } from './message';
import { messagePath } from './read';

export const mailMoveInput = z.object({
  /** The messages to move, e.g. mail.search's `ids` (none: nothing to do). */
  messageIds: z.array(z.string().min(1)).max(50),
  /** A well-known folder ("Archive", "Inbox", "Deleted Items", "Junk") or a folder id. */
  folder: z.string().min(1),
});
export type MailMoveInput = z.infer<typeof mailMoveInput>;

export const mailMoveOutput = z.object({
  folderId: z.string(),
  folderName: z.string(),
  moved: z.array(z.string()),
  /** Messages that were already there (a retry, or moved by hand): nothing to do. */
  alreadyThere: z.array(z.string()),
});
export type MailMoveOutput = z.infer<typeof mailMoveOutput>;

export function mailMove(gateway: GraphGateway): ActionSpec<MailMoveInput, MailMoveOutput> {
  return {
    name: 'mail.move',
    description:
      "Move messages of the requester's mailbox (messageIds, e.g. mail.search's ids) to a folder: a well-known one (Archive, Inbox, Deleted Items, Junk) or a folder id. Messages already in that folder are left alone, so running it again changes nothing.",
    input: mailMoveInput,
    output: mailMoveOutput,
    risk: 'write-internal',
    permissions: { delegated: ['Mail.ReadWrite'], application: ['Mail.ReadWrite'] },
    literalFields: ['folder'],
    editable: [{ name: 'folder', label: 'Folder', kind: 'folder' }],
    describe(input) {
      const count = Array.isArray(input.messageIds)
        ? `${input.messageIds.length} message${input.messageIds.length === 1 ? '' : 's'}`
        : `the messages ${display(input.messageIds)}`;
      return {
        title: `Move ${count} to ${display(input.folder)}`,
        target: `Your ${display(input.folder)} folder`,
        reads: `Which folder ${count} are in`,
        fields: [
          {
            label: 'Messages',
            value: Array.isArray(input.messageIds) ? String(input.messageIds.length) : display(input.messageIds),
          },
          { label: 'To folder', value: display(input.folder) },
        ],
      };
    },
    async run(input, ctx) {
      const graph = gateway.forUser(ctx.actor);
      const options = { headers: IMMUTABLE_IDS, signal: ctx.signal };
      // Resolving the folder first turns a wrong name into a clear "not found" before anything moves.
      const folder = await graph.get<{ id: string; displayName?: string }>(
        `${userRoot(ctx.actor.id)}/mailFolders/${encodeURIComponent(folderKey(input.folder))}`,
        { $select: 'id,displayName' },
        { ...options, what: `the ${input.folder} folder` },
      );
      const moved: string[] = [];
      const alreadyThere: string[] = [];
      for (const id of [...new Set(input.messageIds)]) {
        const path = messagePath(ctx.actor.id, id);
        const current = await graph.get<GraphMessage>(
          path,
          { $select: 'id,parentFolderId' },
          { ...options, what: 'the message' },
        );
        if (current.parentFolderId === folder.id) {
          alreadyThere.push(id);
          continue;
        }
        await graph.post(
          `${path}/move`,
          { destinationId: folder.id },
          { ...options, what: 'the message', idempotent: true },
        );
        moved.push(id);
      }
      return {
        output: { folderId: folder.id, folderName: folder.displayName ?? input.folder, moved, alreadyThere },
        provenance: input.messageIds,
      };
    },
  };
}
