import { z } from 'zod';
import type { ActionSpec, Destination } from '../../engine/catalogue';
import type { RiskClass } from '../../engine/model';
import type { GraphGateway } from '../../graph/types';
import { display, displayList, listNames } from '../common/display';
import { driveRoot } from './items';

export const filesShareInput = z
  .object({
    itemId: z.string().min(1),
    /** How the card names the file. */
    itemName: z.string().min(1),
    /** view: open and download; edit: change it too. */
    type: z.enum(['view', 'edit']),
    /** anonymous: anyone with the link; organization: anyone signed in to the organisation; users: only the recipients. */
    scope: z.enum(['anonymous', 'organization', 'users']),
    recipients: z.array(z.string().email()).max(50).default([]),
  })
  .refine((i) => (i.scope === 'users') === i.recipients.length > 0, {
    message: 'recipients are needed for scope users, and only for it',
    path: ['recipients'],
  });
export type FilesShareInput = z.infer<typeof filesShareInput>;

export const filesShareOutput = z.object({
  itemId: z.string(),
  permissionId: z.string(),
  link: z.string(),
  /** The link again, under the name result cards look for. */
  webUrl: z.string(),
  type: z.enum(['view', 'edit']),
  scope: z.enum(['anonymous', 'organization', 'users']),
  recipients: z.array(z.string()),
});
export type FilesShareOutput = z.infer<typeof filesShareOutput>;

/**
 * The risk of a concrete link: one anyone can open leaves the organisation (write-external);
 * a link for the organisation or for named colleagues stays inside (write-internal). The
 * catalogue entry carries the higher of the two, since a step's risk is fixed when it is planned.
 */
export function filesShareRisk(input: { scope?: unknown }): RiskClass {
  return input.scope === 'organization' || input.scope === 'users' ? 'write-internal' : 'write-external';
}

const WHO: Readonly<Record<string, string>> = {
  anonymous: 'Anyone with the link, no sign-in needed',
  organization: 'Anyone in your organisation with the link',
};

interface Permission {
  readonly id: string;
  readonly link?: {
    readonly webUrl?: string | null;
    readonly type?: string | null;
    readonly scope?: string | null;
  } | null;
}

export function filesShare(gateway: GraphGateway): ActionSpec<FilesShareInput, FilesShareOutput> {
  return {
    name: 'files.share',
    description:
      "Create a sharing link to a file or folder in the requester's OneDrive. type: view or edit. scope: users (only the recipients, by email), organization (anyone in the organisation) or anonymous (anyone with the link; only when the requester asked for it). Asking again for the same link returns the existing one.",
    input: filesShareInput,
    output: filesShareOutput,
    risk: 'write-external',
    riskFor: (input) => filesShareRisk(input),
    permissions: { delegated: ['Files.ReadWrite'], application: ['Files.ReadWrite.All'] },
    literalFields: ['type', 'scope', 'recipients'],
    editable: [
      { name: 'type', label: 'Link type (view or edit)', kind: 'text' },
      { name: 'scope', label: 'Who can open it (users, organization or anonymous)', kind: 'text' },
      { name: 'recipients', label: 'People (for scope users)', kind: 'list' },
    ],
    destinations(input) {
      const out: Destination[] = [];
      if (typeof input.scope === 'string')
        out.push({ kind: 'sharing', value: input.scope, label: `${display(input.type)} link`, field: 'scope' });
      const recipients = Array.isArray(input.recipients) ? input.recipients : [];
      for (const r of recipients)
        if (typeof r === 'string') out.push({ kind: 'recipient', value: r, field: 'recipients' });
      return out;
    },
    describe(input) {
      const name = display(input.itemName) || 'the file';
      const scope = display(input.scope);
      const who = scope === 'users' ? listNames(displayList(input.recipients)) : (WHO[scope] ?? scope);
      const can = display(input.type) === 'edit' ? 'view and edit' : 'view';
      return {
        title: `Share "${name}" (${can}) with ${scope === 'users' ? who : scope === 'anonymous' ? 'anyone with the link' : 'your organisation'}`,
        target: who,
        reads: `The file ${name} in your OneDrive`,
        fields: [
          { label: 'File', value: name },
          { label: 'Link type', value: `${display(input.type)} (people can ${can})` },
          { label: 'Scope', value: scope },
          { label: 'Who can open it', value: who },
        ],
      };
    },
    async run(input, ctx) {
      const graph = gateway.forUser(ctx.actor);
      const body: Record<string, unknown> = { type: input.type, scope: input.scope };
      if (input.scope === 'users') body.recipients = input.recipients.map((email) => ({ email }));
      // createLink answers an existing link of the same kind instead of making another: safe to replay.
      const permission = await graph.post<Permission>(
        `${driveRoot(ctx.actor.id)}/items/${encodeURIComponent(input.itemId)}/createLink`,
        body,
        { idempotent: true, signal: ctx.signal, what: `"${input.itemName}"` },
      );
      return {
        output: {
          itemId: input.itemId,
          permissionId: permission.id,
          link: permission.link?.webUrl ?? '',
          webUrl: permission.link?.webUrl ?? '',
          type: input.type,
          scope: input.scope,
          recipients: input.recipients,
        },
        provenance: [input.itemId],
      };
    },
  };
}
