import type { FilesSearchOutput } from '../../src/actions/files/search';
import type { FilesShareOutput } from '../../src/actions/files/share';
import { filesShareRisk } from '../../src/actions/files';
import { alex, megan, rejectionOf, useSandbox } from './sandbox-harness';

const sandbox = useSandbox();

async function workbook(): Promise<string> {
  const found = (await sandbox().run('files.search', { query: 'Q3 planning workbook' })).output as FilesSearchOutput;
  return found.items[0]?.id ?? '';
}

interface Permission {
  id: string;
  roles: string[];
  link?: { type: string; scope: string; webUrl: string };
  grantedToIdentitiesV2?: Array<{ user: { email: string } }>;
}

async function links(itemId: string): Promise<Permission[]> {
  return (
    await sandbox().read<{ value: Permission[] }>(alex.upn, `/me/drive/items/${itemId}/permissions`)
  ).value.filter((p) => p.link);
}

describe('files.share against the sandbox', () => {
  it('creates a view link for named people, visible in the item permissions', async () => {
    const itemId = await workbook();
    const { output, provenance } = await sandbox().run('files.share', {
      itemId,
      itemName: 'Q3 planning workbook.xlsx',
      type: 'view',
      scope: 'users',
      recipients: [megan.upn],
    });
    const shared = output as FilesShareOutput;
    expect(shared).toMatchObject({ itemId, type: 'view', scope: 'users', recipients: [megan.upn] });
    expect(shared.link).toMatch(/^https:\/\/example-my\.sharepoint\.com\/:x:\//);
    expect(shared.webUrl).toBe(shared.link);
    const [link] = await links(itemId);
    expect(link).toMatchObject({
      id: shared.permissionId,
      roles: ['read'],
      link: { scope: 'users', type: 'view', webUrl: shared.link },
      grantedToIdentitiesV2: [{ user: { email: megan.upn } }],
    });
    expect(provenance).toEqual([itemId]);
  });

  it('is idempotent by Graph semantics: the same link twice is one permission', async () => {
    const itemId = await workbook();
    const input = { itemId, itemName: 'Q3 planning workbook.xlsx', type: 'edit', scope: 'organization' };
    const first = (await sandbox().run('files.share', input, { idempotencyKey: 'k' })).output as FilesShareOutput;
    const second = (await sandbox().run('files.share', input, { idempotencyKey: 'k', attempt: 2 }))
      .output as FilesShareOutput;
    expect(second.permissionId).toBe(first.permissionId);
    expect(await links(itemId)).toHaveLength(1);
  });

  it('declares the scope as a sharing destination and the people as recipients', () => {
    const spec = sandbox().action('files.share');
    expect(
      spec.destinations?.({ itemId: 'x', itemName: 'x', type: 'view', scope: 'users', recipients: [megan.upn] }),
    ).toEqual([
      { kind: 'sharing', value: 'users', label: 'view link', field: 'scope' },
      { kind: 'recipient', value: megan.upn, field: 'recipients' },
    ]);
    expect(spec.risk).toBe('write-external');
    expect(filesShareRisk({ scope: 'anonymous' })).toBe('write-external');
    expect(filesShareRisk({ scope: 'organization' })).toBe('write-internal');
    expect(spec.input.safeParse({ itemId: 'x', itemName: 'x', type: 'view', scope: 'users' }).success).toBe(false);
    const preview = spec.describe({
      itemId: { $ref: 's1.items.0.id' },
      itemName: 'Q3 planning workbook.xlsx',
      type: 'view',
      scope: 'anonymous',
    });
    expect(preview.fields).toEqual(
      expect.arrayContaining([
        { label: 'Scope', value: 'anonymous' },
        { label: 'Who can open it', value: 'Anyone with the link, no sign-in needed' },
      ]),
    );
  });

  it('reports an unknown item as not found and another drive as forbidden', async () => {
    await expect(
      sandbox().run('files.share', { itemId: '01NOPE', itemName: 'x', type: 'view', scope: 'organization' }),
    ).rejects.toMatchObject({ status: 404 });
    const error = await rejectionOf(
      sandbox().run(
        'files.share',
        { itemId: await workbook(), itemName: 'x', type: 'view', scope: 'organization' },
        { actor: { ...megan, upn: alex.upn } },
      ),
    );
    expect(error).toMatchObject({ code: 'graph_forbidden', status: 403 });
  });

  it('rides out throttling and still makes a single link', async () => {
    const itemId = await workbook();
    await sandbox().fault({ status: 429, retryAfterSeconds: 1, count: 1, pathContains: 'createLink' });
    const started = Date.now();
    await sandbox().run('files.share', { itemId, itemName: 'x', type: 'view', scope: 'anonymous' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect((await links(itemId)).map((l) => l.link?.scope)).toEqual(['anonymous']);
  });
});
