/** The part of a Graph chatMessage the reading actions use. */
export interface GraphChatMessage {
  readonly id: string;
  readonly replyToId?: string | null;
  readonly createdDateTime?: string | null;
  readonly deletedDateTime?: string | null;
  readonly messageType?: string | null;
  readonly webUrl?: string | null;
  readonly subject?: string | null;
  readonly body?: { readonly contentType?: string | null; readonly content?: string | null } | null;
  readonly from?: {
    readonly user?: { readonly id?: string | null; readonly displayName?: string | null } | null;
    readonly application?: { readonly displayName?: string | null } | null;
  } | null;
}

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  '#39': "'",
  nbsp: ' ',
  apos: "'",
};

/** A message body as plain text: tags dropped (paragraphs and breaks become line ends), entities decoded. */
export function plainText(body: GraphChatMessage['body']): string {
  const content = body?.content ?? '';
  if ((body?.contentType ?? 'text').toLowerCase() !== 'html') return content.trim();
  return content
    .replace(/<(?:br\s*\/?|\/p|\/div)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|nbsp|apos);/g, (_, name: string) => ENTITIES[name] ?? '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Who wrote it: the person's name, the app's, or "Someone". */
export function authorOf(m: GraphChatMessage): string {
  return m.from?.user?.displayName ?? m.from?.application?.displayName ?? 'Someone';
}

/** Only real messages count: system events and deleted messages are skipped. */
export function isReadable(m: GraphChatMessage): boolean {
  return (m.messageType ?? 'message') === 'message' && !m.deletedDateTime;
}
