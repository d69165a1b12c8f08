import { findUser, SANDBOX_DIRECTORY } from '../directory';
import { badRequest } from '../errors';

/** A stored `chatMessageMention`, as Graph returns it on a message. */
export interface ChatMention {
  readonly id: number;
  readonly mentionText: string;
  readonly mentioned: {
    readonly application: null;
    readonly device: null;
    readonly conversation: null;
    readonly tag: null;
    readonly user: {
      readonly '@odata.type': string;
      readonly id: string;
      readonly displayName: string;
      readonly userIdentityType: 'aadUser';
      readonly tenantId: string;
    };
  };
}

/** The ids of the `<at id="N">…</at>` tags in an HTML body. */
export function atTagIds(content: string): number[] {
  return [...content.matchAll(/<at\s+id\s*=\s*["']?(\d+)["']?\s*>/gi)].map((m) => Number(m[1]));
}

function readOne(raw: unknown): ChatMention {
  const m = raw as { id?: unknown; mentionText?: unknown; mentioned?: { user?: { id?: unknown } } } | null;
  if (
    !m ||
    typeof m.id !== 'number' ||
    !Number.isInteger(m.id) ||
    typeof m.mentionText !== 'string' ||
    !m.mentionText
  ) {
    throw badRequest('Each mention needs an integer id and a mentionText.');
  }
  const userId = m.mentioned?.user?.id;
  if (typeof userId !== 'string') throw badRequest('Only user mentions are supported: mentioned.user.id is missing.');
  const user = findUser(userId);
  if (!user) throw badRequest(`Mentioned user '${userId}' was not found.`);
  return {
    id: m.id,
    mentionText: m.mentionText,
    mentioned: {
      application: null,
      device: null,
      conversation: null,
      tag: null,
      user: {
        '@odata.type': '#microsoft.graph.teamworkUserIdentity',
        id: user.id,
        displayName: user.displayName,
        userIdentityType: 'aadUser',
        tenantId: SANDBOX_DIRECTORY.tenantId,
      },
    },
  };
}

/**
 * The mentions of a posted message, checked like Teams: only in HTML bodies, every `<at id>` tag
 * with exactly one entry and every entry with its tag, and only people of the directory.
 */
export function readMentions(raw: unknown, content: string, contentType: 'text' | 'html'): ChatMention[] {
  const tags = atTagIds(content);
  if (raw === undefined || raw === null) {
    if (tags.length > 0 && contentType === 'html') throw badRequest('The message has <at> tags but no mentions.');
    return [];
  }
  if (!Array.isArray(raw)) throw badRequest("Invalid value for 'mentions': an array is expected.");
  const mentions = raw.map(readOne);
  if (mentions.length > 0 && contentType !== 'html') throw badRequest('Mentions need an html body with <at> tags.');
  const ids = mentions.map((m) => m.id);
  if (new Set(ids).size !== ids.length) throw badRequest('Mention ids must be unique.');
  const tagSet = new Set(tags);
  if (ids.some((id) => !tagSet.has(id)) || tags.some((id) => !ids.includes(id))) {
    throw badRequest('The mentions do not match the <at> tags in the message body.');
  }
  return mentions;
}
