import { badRequest } from '../errors';
import type { ExtendedProperty, MailMessage, Recipient } from '../model';
import { readAddress } from '../routes/shared';

/** Properties a client may write on a draft only. */
export const DRAFT_ONLY = new Set([
  'subject',
  'body',
  'torecipients',
  'ccrecipients',
  'bccrecipients',
  'replyto',
  'from',
  'sender',
]);
/** Properties a client may write on any message. */
export const ALWAYS_WRITABLE = new Set([
  'isread',
  'categories',
  'importance',
  'flag',
  'inferenceclassification',
  'singlevalueextendedproperties',
]);
const READ_ONLY = new Set([
  'id',
  'createddatetime',
  'lastmodifieddatetime',
  'changekey',
  'receiveddatetime',
  'sentdatetime',
  'hasattachments',
  'internetmessageid',
  'bodypreview',
  'parentfolderid',
  'conversationid',
  'conversationindex',
  'isdraft',
  'weblink',
  'isdeliveryreceiptrequested',
  'isreadreceiptrequested',
  'uniquebody',
  'attachments',
  'extensions',
]);

/** Reject properties that do not exist on `microsoft.graph.message`, as Graph does. */
export function checkKnownProperties(body: Record<string, unknown>): void {
  for (const key of Object.keys(body)) {
    const k = key.toLowerCase();
    if (k.startsWith('@odata')) continue;
    if (!DRAFT_ONLY.has(k) && !ALWAYS_WRITABLE.has(k) && !READ_ONLY.has(k)) {
      throw badRequest(
        `The property '${key}' does not exist on type 'microsoft.graph.message'. Make sure to only use property names that are defined by the type.`,
        'RequestBodyRead',
      );
    }
  }
}

export function readRecipients(value: unknown, name: string): Recipient[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw badRequest(`'${name}' must be an array of recipients.`, 'RequestBodyRead');
  return value.map((v) => {
    const address = readAddress(v);
    if (!address) throw badRequest(`At least one recipient in '${name}' is not valid.`, 'ErrorInvalidRecipients');
    return { emailAddress: address };
  });
}

export function readBody(value: unknown): MailMessage['body'] {
  if (value === undefined || value === null) return { contentType: 'text', content: '' };
  const v = value as { contentType?: unknown; content?: unknown };
  const type = typeof v.contentType === 'string' ? v.contentType.toLowerCase() : 'text';
  if (type !== 'text' && type !== 'html')
    throw badRequest(`Invalid body contentType '${String(v.contentType)}'.`, 'RequestBodyRead');
  return { contentType: type, content: typeof v.content === 'string' ? v.content : '' };
}

export function readImportance(value: unknown): MailMessage['importance'] {
  if (value === undefined) return 'normal';
  if (value === 'low' || value === 'normal' || value === 'high') return value;
  throw badRequest(`Invalid importance '${String(value)}'.`, 'RequestBodyRead');
}

/** `singleValueExtendedProperties: [{ id: 'String {guid} Name X', value }]`. */
export function readExtendedProperties(value: unknown): ExtendedProperty[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw badRequest("'singleValueExtendedProperties' must be an array.", 'RequestBodyRead');
  return value.map((p) => {
    const prop = p as { id?: unknown; value?: unknown };
    if (typeof prop.id !== 'string' || !/^\w+\s+(\{[0-9a-f-]{36}\}\s+(Name|Id)\s+\S+|0x[0-9a-f]{4})/i.test(prop.id)) {
      throw badRequest(
        `The extended property id '${String(prop.id)}' is not valid.`,
        'ErrorInvalidExtendedPropertyValue',
      );
    }
    return { id: prop.id, value: String(prop.value ?? '') };
  });
}

/** Merge extended properties by id (case-insensitive), later values winning. */
export function mergeExtendedProperties(
  current: ExtendedProperty[] | undefined,
  incoming: ExtendedProperty[],
): ExtendedProperty[] {
  const out = [...(current ?? [])];
  for (const p of incoming) {
    const at = out.findIndex((c) => c.id.toLowerCase() === p.id.toLowerCase());
    if (at >= 0) out[at] = p;
    else out.push(p);
  }
  return out;
}
