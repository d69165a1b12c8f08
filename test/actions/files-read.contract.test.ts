import { DelegateError } from '../../src/engine/errors';
import { GraphError } from '../../src/graph/errors';
import type { FilesListRecentOutput } from '../../src/actions/files/recent';
import type { FilesReadTextOutput } from '../../src/actions/files/read-text';
import type { FilesSearchOutput } from '../../src/actions/files/search';
import { alex, megan, rejectionOf, useSandbox } from './sandbox-harness';

const sandbox = useSandbox();

async function find(query: string): Promise<FilesSearchOutput> {
  return (await sandbox().run('files.search', { query })).output as FilesSearchOutput;
}

async function idOf(name: string): Promise<string> {
  const hit = (await find(name)).items.find((i) => i.name === name);
  if (!hit) throw new Error(`no ${name}`);
  return hit.id;
}

describe('files.search against the sandbox', () => {
  it('finds the Q3 planning workbook with its folder, link and provenance', async () => {
    const { output, provenance } = await sandbox().run('files.search', { query: 'Q3 planning workbook' });
    const { items, count } = output as FilesSearchOutput;
    expect(count).toBe(1);
    expect(items[0]).toMatchObject({
      name: 'Q3 planning workbook.xlsx',
      kind: 'file',
      folder: 'Documents/Planning',
      mimeType: expect.stringContaining('spreadsheetml'),
    });
    expect(items[0]?.webUrl).toContain('/Documents/Documents/Planning/Q3%20planning%20workbook.xlsx');
    expect(provenance).toEqual([items[0]?.id]);
  });

  it('handles quotes in the query and respects top', async () => {
    expect((await find("O'Brien's report")).count).toBe(0);
    const limited = (await sandbox().run('files.search', { query: 'contoso', top: 1 })).output as FilesSearchOutput;
    expect(limited.count).toBe(1);
  });

  it("reports another person's drive as forbidden", async () => {
    const error = await rejectionOf(
      sandbox().run('files.search', { query: 'budget' }, { actor: { ...megan, upn: alex.upn } }),
    );
    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({ code: 'graph_forbidden', status: 403 });
  });

  it('reports an unknown drive owner as not found', async () => {
    const error = await rejectionOf(
      sandbox().run(
        'files.search',
        { query: 'budget' },
        { actor: { ...alex, id: '00000000-0000-0000-0000-000000000000' } },
      ),
    );
    expect(error).toMatchObject({ status: 404 });
  });

  it('rides out throttling by waiting for Retry-After', async () => {
    await sandbox().fault({ status: 429, retryAfterSeconds: 1, count: 1, pathContains: '/search' });
    const started = Date.now();
    const { items } = await find('spring launch');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    // The brief matches by name, the meeting notes by content: name matches rank first.
    expect(items.map((i) => i.name)).toEqual(['Spring launch brief.docx', 'Meeting notes.txt']);
  });
});

describe('files.listRecent against the sandbox', () => {
  it('lists files newest first, no folders', async () => {
    const { output } = await sandbox().run('files.listRecent', { top: 3 });
    const { items } = output as FilesListRecentOutput;
    expect(items.map((i) => i.name)).toEqual([
      'Meeting notes.txt',
      'Q3 planning workbook.xlsx',
      'Spring launch brief.docx',
    ]);
  });

  it('is refused on another drive and rides out a 503', async () => {
    await expect(sandbox().run('files.listRecent', {}, { actor: { ...megan, upn: alex.upn } })).rejects.toMatchObject({
      status: 403,
    });
    await sandbox().fault({ status: 503, retryAfterSeconds: 1, count: 1, pathContains: '/recent' });
    expect(((await sandbox().run('files.listRecent', {})).output as FilesListRecentOutput).count).toBeGreaterThan(3);
  });
});

describe('files.readText against the sandbox', () => {
  it.each([
    ['Q3 planning workbook.xlsx', 'xlsx', 'Contoso partnership\t18500\tAlex Wilber'],
    ['Spring launch brief.docx', 'docx', 'The launch budget is 65,000 USD, owned by Megan Bowen'],
    ['Travel and expense policy.pdf', 'pdf', 'Meals: up to 75 USD a day.'],
    ['Meeting notes.txt', 'text', '- Alex: confirm the training dates with Contoso.'],
  ])('reads the text of %s', async (name, format, expected) => {
    const id = await idOf(name);
    const { output, provenance } = await sandbox().run('files.readText', { itemId: id });
    const read = output as FilesReadTextOutput;
    expect(read).toMatchObject({ itemId: id, name, format, truncated: false });
    expect(read.text).toContain(expected);
    expect(provenance).toEqual([id]);
  });

  it('cuts long text at maxChars and says so', async () => {
    const { output } = await sandbox().run('files.readText', {
      itemId: await idOf('Spring launch brief.docx'),
      maxChars: 200,
    });
    expect(output).toMatchObject({ truncated: true });
    expect((output as FilesReadTextOutput).text).toHaveLength(200);
  });

  it('refuses a folder, and reports unknown ids and other drives', async () => {
    const folder = (await find('Planning')).items.find((i) => i.kind === 'folder');
    const notDoc = await rejectionOf(sandbox().run('files.readText', { itemId: folder?.id ?? '' }));
    expect(notDoc).toBeInstanceOf(DelegateError);
    expect(notDoc).toMatchObject({ code: 'file_not_document' });
    await expect(sandbox().run('files.readText', { itemId: '01NOTANITEM' })).rejects.toMatchObject({
      code: 'graph_not_found',
      status: 404,
    });
    const meganFile =
      (await sandbox().read<{ value: Array<{ id: string }> }>('app', `/users/${megan.id}/drive/root/children`)).value[0]
        ?.id ?? '';
    await expect(
      sandbox().run('files.readText', { itemId: meganFile }, { actor: { ...megan, upn: alex.upn } }),
    ).rejects.toMatchObject({ status: 403 });
  });

  it('rides out throttling of the item lookup', async () => {
    const id = await idOf('Meeting notes.txt');
    await sandbox().fault({ status: 429, retryAfterSeconds: 1, count: 1, pathContains: `/items/${id}` });
    const started = Date.now();
    const { output } = await sandbox().run('files.readText', { itemId: id });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect((output as FilesReadTextOutput).text).toContain('Weekly sync');
  });
});
