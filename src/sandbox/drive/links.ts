import { createHash, randomBytes } from 'node:crypto';
import type { SandboxUser } from '../directory';
import { badRequest } from '../errors';
import type { SandboxStore } from '../store/store';
import { personOf } from './access';
import { PERMISSION, type StoredItem } from './items';
import { personalSite } from './view';

/** A sharing link on an item (a `permission` with a `link` facet). */
export interface StoredPermission {
  readonly id: string;
  readonly itemId: string;
  readonly owner: string;
  readonly type: 'view' | 'edit';
  readonly scope: 'anonymous' | 'organization' | 'users';
  /** Lower-cased, sorted e-mail addresses (scope `users` only). */
  readonly recipients: readonly string[];
  readonly token: string;
  readonly created: string;
}

/** What a `createLink` body asks for, validated like Graph. */
export interface LinkRequest {
  readonly type: StoredPermission['type'];
  readonly scope: StoredPermission['scope'];
  readonly recipients: readonly string[];
}

export function readLinkRequest(body: Record<string, unknown>): LinkRequest {
  const { type, scope } = body;
  if (type !== 'view' && type !== 'edit')
    throw badRequest(`Invalid sharing link type '${String(type)}'.`, 'invalidRequest');
  const chosen = scope ?? 'anonymous';
  if (chosen !== 'anonymous' && chosen !== 'organization' && chosen !== 'users')
    throw badRequest(`Invalid sharing link scope '${String(scope)}'.`, 'invalidRequest');
  const raw = Array.isArray(body.recipients) ? (body.recipients as unknown[]) : [];
  const recipients = raw
    .map((r) => (r as { email?: unknown } | null)?.email)
    .map((e) => (typeof e === 'string' ? e.trim().toLowerCase() : ''));
  if (recipients.some((e) => !e.includes('@'))) throw badRequest('Every recipient needs an email.', 'invalidRequest');
  if (chosen === 'users' && recipients.length === 0)
    throw badRequest('A link for specific people needs recipients.', 'invalidRequest');
  if (chosen !== 'users' && recipients.length > 0)
    throw badRequest('Recipients are only valid for a link to specific people.', 'invalidRequest');
  return { type, scope: chosen, recipients: [...new Set(recipients)].sort() };
}

export const permissionsOf = (store: SandboxStore, itemId: string): StoredPermission[] =>
  store.listDocs<StoredPermission>(PERMISSION, { parent: itemId });

/**
 * OneDrive's createLink: a link of the same type and scope (and, for specific people, the same
 * people) that already exists is returned as is (200); otherwise a new one is made (201).
 */
export function createLink(
  store: SandboxStore,
  item: StoredItem,
  request: LinkRequest,
  now: string,
): { permission: StoredPermission; created: boolean } {
  const existing = permissionsOf(store, item.id);
  const same = existing.find(
    (p) =>
      p.type === request.type && p.scope === request.scope && p.recipients.join(',') === request.recipients.join(','),
  );
  if (same) return { permission: same, created: false };
  const permission: StoredPermission = {
    id: randomBytes(16).toString('hex'),
    itemId: item.id,
    owner: item.owner,
    ...request,
    token: `E${randomBytes(16).toString('base64url')}`,
    created: now,
  };
  // Listed in the order made: the clock may not move between two links.
  store.putDoc(PERMISSION, permission.id, permission, {
    owner: item.owner,
    parent: item.id,
    sort: `${now}#${String(existing.length).padStart(6, '0')}`,
  });
  return { permission, created: true };
}

const KIND_LETTER: Readonly<Record<string, string>> = { docx: 'w', xlsx: 'x', pptx: 'p', pdf: 'b', txt: 't' };

/** The Graph `permission` JSON of a sharing link. */
export function permissionView(item: StoredItem, p: StoredPermission): Record<string, unknown> {
  const letter =
    item.kind === 'file' ? (KIND_LETTER[/\.([^.]+)$/.exec(item.name)?.[1]?.toLowerCase() ?? ''] ?? 'u') : 'f';
  const site = personalSite(item.owner).replace('.com/personal/', `.com/:${letter}:/g/personal/`);
  const view: Record<string, unknown> = {
    id: p.id,
    roles: [p.type === 'edit' ? 'write' : 'read'],
    shareId: `u!${createHash('sha256').update(p.token).digest('base64url').slice(0, 32)}`,
    hasPassword: false,
    link: { scope: p.scope, type: p.type, webUrl: `${site}/${p.token}`, preventsDownload: false },
  };
  if (p.scope === 'users')
    view.grantedToIdentitiesV2 = p.recipients.map((email) => ({ user: { email, displayName: email } }));
  return view;
}

/** The owner's own permission, which Graph lists first on every item of a OneDrive. */
export function ownerPermissionView(owner: SandboxUser): Record<string, unknown> {
  const person = personOf(owner.id);
  return {
    id: 'aTowIy5mfG1lbWJlcnNoaXB8',
    roles: ['owner'],
    shareId: 'owner',
    grantedToV2: { user: { id: person.id, displayName: person.displayName, email: person.email } },
  };
}
