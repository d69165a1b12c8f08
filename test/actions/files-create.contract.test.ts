import { DelegateError } from '../../src/engine/errors';
import { traceGraphRequests, type GraphRequestRecord } from '../../src/graph';
import type { FilesCreateOutput } from '../../src/actions/files/create';
import { docxText } from '../../src/actions/files/formats/docx-text';
import { renderFile } from '../../src/actions/files/render';
import { alex, megan, rejectionOf, useSandbox } from './sandbox-harness';

const sandbox = useSandbox();

interface Item {
  id: string;
  name: string;
  size: number;
  '@microsoft.graph.downloadUrl': string;
}

async function children(path: string): Promise<Item[]> {
  const where = path
    ? `/me/drive/root:/${path.split('/').map(encodeURIComponent).join('/')}:/children`
    : '/me/drive/root/children';
  return (await sandbox().read<{ value: Item[] }>(alex.upn, where)).value;
}

async function bytesOf(item: Item): Promise<Buffer> {
  return Buffer.from(await (await fetch(item['@microsoft.graph.downloadUrl'])).arrayBuffer());
}

/** Run `fn`, listing every Graph request the gateway made as `METHOD /path status` (ids elided). */
async function traced<T>(fn: () => Promise<T>): Promise<{ result: T; requests: string[] }> {
  const records: GraphRequestRecord[] = [];
  const result = await traceGraphRequests(fn, (r) => records.push(r));
  return {
    result,
    requests: records.map(
      (r) => `${r.method} ${decodeURIComponent(r.path).replace(/\/users\/[^/]+\//, '/users/…/')} ${r.status}`,
    ),
  };
}

const SUMMARY =
  '# Contoso summary\n\n- Dana asked for the reseller training dates.\n- The order form is with legal.\n\nNext: confirm the dates.';

describe('files.create against the sandbox', () => {
  it('creates a Word document from Markdown, in a new folder, with the text readable', async () => {
    const { output } = await sandbox().run('files.create', {
      path: 'Documents/Summaries/Contoso summary.docx',
      content: SUMMARY,
      conflictBehavior: 'fail',
    });
    const created = output as FilesCreateOutput;
    expect(created).toMatchObject({
      name: 'Contoso summary.docx',
      path: 'Documents/Summaries/Contoso summary.docx',
      created: true,
    });
    const [file] = await children('Documents/Summaries');
    expect(file?.id).toBe(created.itemId);
    const text = docxText(await bytesOf(file as Item));
    expect(text).toContain('Contoso summary\n• Dana asked for the reseller training dates.');
    expect(text).toContain('Next: confirm the dates.');
  });

  it('writes .txt and .md as the text given', async () => {
    await sandbox().run('files.create', { path: 'notes.md', content: '## Plan\n- one', conflictBehavior: 'fail' });
    const md = (await children('')).find((i) => i.name === 'notes.md');
    expect((await bytesOf(md as Item)).toString()).toBe('## Plan\n- one');
  });

  it('is idempotent: the same step twice (even with rename) makes one file, not "name 1"', async () => {
    const input = { path: 'Contoso summary.docx', content: SUMMARY, conflictBehavior: 'rename' };
    const first = (await sandbox().run('files.create', input, { idempotencyKey: 'step-key-1' }))
      .output as FilesCreateOutput;
    const second = (await sandbox().run('files.create', input, { idempotencyKey: 'step-key-1', attempt: 2 }))
      .output as FilesCreateOutput;
    expect(second).toMatchObject({ itemId: first.itemId, created: false });
    expect((await children('')).filter((i) => i.name.startsWith('Contoso summary')).map((i) => i.name)).toEqual([
      'Contoso summary.docx',
    ]);
    // Another step (another key) asking to rename does get its own file.
    const other = (await sandbox().run('files.create', input, { idempotencyKey: 'step-key-2' }))
      .output as FilesCreateOutput;
    expect(other).toMatchObject({ name: 'Contoso summary 1.docx', created: true });
  });

  it('recognises its own Word file on a retry by the stamped key, even when the stored bytes changed', async () => {
    const input = { path: 'Reports/Stamped.docx', content: SUMMARY, conflictBehavior: 'rename' };
    const first = (await sandbox().run('files.create', input, { idempotencyKey: "k&'1" })).output as FilesCreateOutput;
    // As SharePoint does to Office files, rewrite the stored bytes (here: an extra paragraph, same properties).
    const rewritten = renderFile('docx', `${SUMMARY}\nPromoted metadata`, {
      title: 'Stamped',
      author: alex.name,
      key: "k&'1",
    });
    const session = await sandbox().call<{ uploadUrl: string }>(
      alex.upn,
      'POST',
      `/me/drive/items/${first.itemId}/createUploadSession`,
      { item: { '@microsoft.graph.conflictBehavior': 'replace' } },
    );
    await fetch(session.uploadUrl, {
      method: 'PUT',
      headers: { 'content-range': `bytes 0-${rewritten.length - 1}/${rewritten.length}` },
      body: rewritten,
    });
    const retry = (await sandbox().run('files.create', input, { idempotencyKey: "k&'1", attempt: 2 }))
      .output as FilesCreateOutput;
    expect(retry).toMatchObject({ itemId: first.itemId, created: false });
    expect((await children('Reports')).map((i) => i.name)).toEqual(['Stamped.docx']);
  });

  it('fails on a taken name with conflictBehavior fail, and replaces in place with replace', async () => {
    const error = await rejectionOf(
      sandbox().run('files.create', { path: 'Meeting notes.txt', content: 'new', conflictBehavior: 'fail' }),
    );
    expect(error).toBeInstanceOf(DelegateError);
    expect(error).toMatchObject({ code: 'name_already_exists', kind: 'conflict' });
    const before = (await children('')).find((i) => i.name === 'Meeting notes.txt');
    const { output } = await sandbox().run('files.create', {
      path: 'Meeting notes.txt',
      content: 'replaced',
      conflictBehavior: 'replace',
    });
    expect(output).toMatchObject({ itemId: before?.id, size: 8 });
  });

  it('sends a file of up to 4 MB in exactly one simple PUT to its path, with the conflict behaviour', async () => {
    const content = 'x'.repeat(4 * 1024 * 1024);
    const { result, requests } = await traced(() =>
      sandbox().run('files.create', { path: 'Drafts/Exactly 4 MB.txt', content, conflictBehavior: 'rename' }),
    );
    expect(requests.filter((r) => !r.startsWith('GET'))).toEqual([
      'PUT /v1.0/users/…/drive/root:/Drafts/Exactly 4 MB.txt:/content 201',
    ]);
    const [file] = await children('Drafts');
    expect(file).toMatchObject({ id: (result.output as FilesCreateOutput).itemId, size: content.length });
    // The conflict behaviour travels with the PUT: rename keeps both.
    const again = await sandbox().run('files.create', {
      path: 'Drafts/Exactly 4 MB.txt',
      content: 'short',
      conflictBehavior: 'rename',
    });
    expect(again.output).toMatchObject({
      name: 'Exactly 4 MB 1.txt',
      path: 'Drafts/Exactly 4 MB 1.txt',
      created: true,
    });
  });

  it('uses an upload session in several fragments above 4 MB, and no simple PUT', async () => {
    const big = `${'All work and no play. '.repeat(220_000)}The end.`;
    const requests: string[] = [];
    const { result, requests: graph } = await traced(() =>
      sandbox().run(
        'files.create',
        { path: 'Archive/Big log.txt', content: big, conflictBehavior: 'fail' },
        {
          onRequest: (r) => requests.push(`${r.method} ${r.path.replace(/\/upload\/.*/, '/upload/…')} ${r.status}`),
        },
      ),
    );
    expect((result.output as FilesCreateOutput).size).toBe(Buffer.byteLength(big));
    expect(graph.filter((r) => !r.startsWith('GET'))).toEqual([
      'POST /v1.0/users/…/drive/root:/Archive/Big log.txt:/createUploadSession 200',
    ]);
    expect(requests.filter((r) => r.startsWith('PUT'))).toEqual(['PUT /upload/… 202', 'PUT /upload/… 201']);
    const [file] = await children('Archive');
    expect((await bytesOf(file as Item)).toString().endsWith('The end.')).toBe(true);
  });

  it("is refused in someone else's OneDrive", async () => {
    const error = await rejectionOf(
      sandbox().run(
        'files.create',
        { path: 'x.txt', content: 'x', conflictBehavior: 'fail' },
        { actor: { ...megan, upn: alex.upn } },
      ),
    );
    expect(error).toMatchObject({ status: 403 });
  });

  it('rejects paths OneDrive would refuse, before calling it', () => {
    const spec = sandbox().action('files.create');
    expect(spec.input.safeParse({ path: 'bad:name.docx', content: 'x' }).success).toBe(false);
    expect(spec.input.safeParse({ path: 'report.exe', content: 'x' }).success).toBe(false);
    expect(spec.input.safeParse({ path: 'Documents//x.txt', content: 'x' }).success).toBe(false);
  });

  it('rides out throttling of the simple upload', async () => {
    await sandbox().fault({ status: 429, retryAfterSeconds: 1, count: 1, pathContains: 'Throttled.txt:/content' });
    const started = Date.now();
    const { output } = await sandbox().run('files.create', {
      path: 'Throttled.txt',
      content: 'hello',
      conflictBehavior: 'fail',
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect((await children('')).filter((i) => i.name === 'Throttled.txt').map((i) => i.id)).toEqual([
      (output as FilesCreateOutput).itemId,
    ]);
  });

  it('describes exactly what will be written, where, and on conflict', () => {
    const preview = sandbox()
      .action('files.create')
      .describe({
        path: 'Documents/Contoso summary.docx',
        content: { $ref: 's2.summary' },
        conflictBehavior: 'rename',
      });
    expect(preview.title).toBe('Save "Contoso summary.docx" to your OneDrive');
    expect(preview.fields).toEqual(
      expect.arrayContaining([
        { label: 'Folder', value: 'OneDrive › Documents' },
        { label: 'Format', value: 'Word document (.docx)' },
        { label: 'If the name is taken', value: 'Keep both: save this one as "name 1"' },
        { label: 'Content', value: '(from step 2)' },
      ]),
    );
  });
});
