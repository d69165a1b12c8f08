import type { Sandbox } from '../../src/sandbox';
import { docxText } from '../../src/actions/files/formats/docx-text';
import { pdfText } from '../../src/actions/files/formats/pdf-text';
import { xlsxText } from '../../src/actions/files/formats/xlsx-text';
import { quickXorHash } from '../../src/actions/files/quick-xor-hash';
import { ALEX, call, getAll, MEGAN, startTestSandbox } from './helpers';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(async () => {
  await sandbox.close();
});

const q = encodeURIComponent;
const path = (p: string): string => p.split('/').map(q).join('/');

async function download(url: string): Promise<Buffer> {
  const res = await fetch(url);
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

/** Upload `bytes` through an upload session in fragments of `chunk` bytes; returns every answer. */
async function upload(
  uploadUrl: string,
  bytes: Buffer,
  chunk: number,
): Promise<Array<{ status: number; json: Record<string, unknown> }>> {
  const answers = [];
  for (let start = 0; start < bytes.length; start += chunk) {
    const part = bytes.subarray(start, Math.min(bytes.length, start + chunk));
    const res = await fetch(uploadUrl, {
      method: 'PUT',
      headers: { 'content-range': `bytes ${start}-${start + part.length - 1}/${bytes.length}` },
      body: part,
    });
    answers.push({ status: res.status, json: (await res.json()) as Record<string, unknown> });
  }
  return answers;
}

describe('drive: seed and reads', () => {
  it('serves the drive and its root with Graph shapes', async () => {
    const drive = await call(sandbox, 'GET', '/me/drive');
    expect(drive.status).toBe(200);
    expect(drive.json).toMatchObject({
      driveType: 'business',
      owner: { user: { email: ALEX } },
      quota: { state: 'normal' },
    });
    const root = await call(sandbox, 'GET', '/me/drive/root');
    expect(root.json).toMatchObject({ name: 'root', root: {}, folder: { childCount: 2 } });
    const children = await getAll(sandbox, '/me/drive/root/children');
    expect(children.map((c) => c.name)).toEqual(['Documents', 'Meeting notes.txt']);
  });

  it('holds real Office, PDF and text files with readable text', async () => {
    const workbook = await call(
      sandbox,
      'GET',
      `/me/drive/root:/${path('Documents/Planning/Q3 planning workbook.xlsx')}`,
    );
    expect(workbook.json.file.mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const xlsx = await download(workbook.json['@microsoft.graph.downloadUrl']);
    expect(xlsx.subarray(0, 2).toString()).toBe('PK');
    expect(xlsx.length).toBe(workbook.json.size);
    expect(quickXorHash(xlsx)).toBe(workbook.json.file.hashes.quickXorHash);
    expect(xlsxText(xlsx)).toContain('Contoso partnership\t18500\tAlex Wilber');

    const brief = await call(sandbox, 'GET', `/me/drive/root:/${path('Documents/Marketing/Spring launch brief.docx')}`);
    expect(docxText(await download(brief.json['@microsoft.graph.downloadUrl']))).toContain(
      'The launch budget is 65,000 USD',
    );

    const policy = await call(
      sandbox,
      'GET',
      `/me/drive/root:/${path('Documents/Policies/Travel and expense policy.pdf')}`,
    );
    const pdf = await download(policy.json['@microsoft.graph.downloadUrl']);
    expect(pdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
    expect(await pdfText(pdf)).toContain('Meals: up to 75 USD a day.');
  });

  it('is deterministic: two seeds give the same ids and bytes', async () => {
    const other = await startTestSandbox();
    try {
      const a = await getAll(sandbox, '/me/drive/recent?$select=id,name,size,file');
      const b = await call(other, 'GET', '/me/drive/recent?$select=id,name,size,file');
      expect(b.json.value).toEqual(a);
    } finally {
      await other.close();
    }
  });

  it('answers GET …/content with a 302 to a pre-authenticated URL, and refuses a forged one', async () => {
    const res = await fetch(`${sandbox.url}/me/drive/root:/Meeting%20notes.txt:/content`, {
      headers: { authorization: `Bearer sandbox:${ALEX}` },
      redirect: 'manual',
    });
    expect(res.status).toBe(302);
    const location = res.headers.get('location') ?? '';
    expect((await download(location)).toString()).toContain('Weekly sync: marketing and sales');
    expect((await fetch(location.replace(/tempauth=.*/, 'tempauth=forged'))).status).toBe(401);
  });

  it('searches by name and text content, ranks name matches first, and pages with $top', async () => {
    const found = await getAll(sandbox, `/me/drive/root/search(q='${q('q3 planning')}')?$select=name`);
    expect(found.map((f) => f.name)).toEqual(['Q3 planning workbook.xlsx']);
    const contoso = await call(sandbox, 'GET', `/me/drive/root/search(q='contoso')?$top=1&$select=name`);
    expect(contoso.json.value).toEqual([expect.objectContaining({ name: 'Contoso proposal draft.docx' })]);
    expect(contoso.json['@odata.nextLink']).toContain('$skiptoken=');
    const text = await getAll(sandbox, `/me/drive/root/search(q='reseller training')?$select=name`);
    expect(text.map((f) => f.name)).toEqual(['Meeting notes.txt']);
  });

  it('lists recent files newest first', async () => {
    const recent = await getAll(sandbox, '/me/drive/recent?$select=name,lastModifiedDateTime');
    expect(recent[0]?.name).toBe('Meeting notes.txt');
    expect(recent.every((r) => !('folder' in r))).toBe(true);
  });

  it('keeps users out of other drives (403 accessDenied) and lets the app in; unknown ids are 404', async () => {
    const denied = await call(sandbox, 'GET', `/users/${MEGAN}/drive/root/children`);
    expect(denied.status).toBe(403);
    expect(denied.json.error.code).toBe('accessDenied');
    expect(denied.json.error.innerError['request-id']).toEqual(expect.any(String));
    const app = await getAll(sandbox, `/users/${MEGAN}/drive/root:/Documents:/children`, 'app');
    expect(app.map((c) => c.name)).toEqual(['Launch checklist.docx', 'Team budget.xlsx']);
    expect((await call(sandbox, 'GET', '/me/drive/items/01NOPE')).json.error.code).toBe('itemNotFound');
    expect((await call(sandbox, 'GET', '/me/drive/root:/Nope.txt')).status).toBe(404);
    const megansItem = app[0]?.id as string;
    expect((await call(sandbox, 'GET', `/me/drive/items/${megansItem}`)).status).toBe(404);
  });
});

describe('drive: upload sessions', () => {
  it('takes fragments in order (202 with nextExpectedRanges), then 201 with the item', async () => {
    const bytes = Buffer.from('x'.repeat(700_000) + 'end');
    const session = await call(
      sandbox,
      'POST',
      `/me/drive/root:/${path('Reports/Big report.txt')}:/createUploadSession`,
      { body: { item: { '@microsoft.graph.conflictBehavior': 'fail' } } },
    );
    expect(session.status).toBe(200);
    expect(session.json.nextExpectedRanges).toEqual(['0-']);
    const answers = await upload(session.json.uploadUrl, bytes, 327_680);
    expect(answers.map((a) => a.status)).toEqual([202, 202, 201]);
    expect(answers[0]?.json.nextExpectedRanges).toEqual([`327680-${bytes.length - 1}`]);
    const item = answers[2]?.json ?? {};
    expect(item).toMatchObject({
      name: 'Big report.txt',
      size: bytes.length,
      parentReference: { path: '/drive/root:/Reports' },
    });
    expect((await download(String(item['@microsoft.graph.downloadUrl']))).equals(bytes)).toBe(true);
  });

  it("reports a session's status and cancels it", async () => {
    const other = await call(sandbox, 'POST', '/me/drive/root:/Cancelled2.txt:/createUploadSession', { body: {} });
    await fetch(other.json.uploadUrl, {
      method: 'PUT',
      headers: { 'content-range': 'bytes 0-2/10' },
      body: Buffer.from('abc'),
    });
    const status = await fetch(other.json.uploadUrl);
    expect(await status.json()).toMatchObject({ nextExpectedRanges: ['3-9'] });
    expect((await fetch(other.json.uploadUrl, { method: 'DELETE' })).status).toBe(204);
    expect((await fetch(other.json.uploadUrl)).status).toBe(404);
    expect((await call(sandbox, 'GET', '/me/drive/root:/Cancelled2.txt')).status).toBe(404);
  });

  it('refuses an out-of-order fragment with 416', async () => {
    const session = await call(sandbox, 'POST', '/me/drive/root:/Out%20of%20order.txt:/createUploadSession', {
      body: {},
    });
    const res = await fetch(session.json.uploadUrl, {
      method: 'PUT',
      headers: { 'content-range': 'bytes 5-9/10' },
      body: Buffer.from('hello'),
    });
    expect(res.status).toBe(416);
  });

  it('honours conflict behaviour: fail → 409 nameAlreadyExists, rename → "name 1", replace → same id, 200', async () => {
    const target = `/me/drive/root:/Meeting%20notes.txt:/createUploadSession`;
    const fail = await call(sandbox, 'POST', target, {
      body: { item: { '@microsoft.graph.conflictBehavior': 'fail' } },
    });
    expect(fail.status).toBe(409);
    expect(fail.json.error.code).toBe('nameAlreadyExists');
    const rename = await call(sandbox, 'POST', target, {
      body: { item: { '@microsoft.graph.conflictBehavior': 'rename' } },
    });
    const renamed = await upload(rename.json.uploadUrl, Buffer.from('other notes'), 1024);
    expect(renamed[0]).toMatchObject({ status: 201, json: { name: 'Meeting notes 1.txt' } });
    const before = await call(sandbox, 'GET', '/me/drive/root:/Meeting%20notes.txt');
    const replace = await call(sandbox, 'POST', target, {
      body: { item: { '@microsoft.graph.conflictBehavior': 'replace' } },
    });
    const replaced = await upload(replace.json.uploadUrl, Buffer.from('new notes'), 1024);
    expect(replaced[0]).toMatchObject({ status: 200, json: { id: before.json.id, size: 9 } });
  });

  it('creates folders with POST children', async () => {
    const made = await call(sandbox, 'POST', '/me/drive/root/children', { body: { name: 'Archive', folder: {} } });
    expect(made.status).toBe(201);
    expect(
      (
        await call(sandbox, 'POST', '/me/drive/root/children', {
          body: { name: 'Archive', folder: {}, '@microsoft.graph.conflictBehavior': 'fail' },
        })
      ).status,
    ).toBe(409);
  });
});

describe('drive: sharing links', () => {
  const workbook = `/me/drive/root:/${path('Documents/Planning/Q3 planning workbook.xlsx')}:`;

  it('creates a link (201) and returns the same one when asked again (200)', async () => {
    const first = await call(sandbox, 'POST', `${workbook}/createLink`, {
      body: { type: 'view', scope: 'organization' },
    });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ roles: ['read'], link: { type: 'view', scope: 'organization' } });
    expect(first.json.link.webUrl).toMatch(/^https:\/\/example-my\.sharepoint\.com\/:x:\//);
    const again = await call(sandbox, 'POST', `${workbook}/createLink`, {
      body: { type: 'view', scope: 'organization' },
    });
    expect(again.status).toBe(200);
    expect(again.json.id).toBe(first.json.id);
    const edit = await call(sandbox, 'POST', `${workbook}/createLink`, {
      body: { type: 'edit', scope: 'users', recipients: [{ email: MEGAN }] },
    });
    expect(edit.status).toBe(201);
    expect(edit.json.grantedToIdentitiesV2).toEqual([{ user: { email: MEGAN, displayName: MEGAN } }]);
    const perms = await call(sandbox, 'GET', `${workbook}/permissions`);
    expect(perms.json.value.map((p: { roles: string[] }) => p.roles[0])).toEqual(['owner', 'read', 'write']);
  });

  it('validates type, scope and recipients like Graph', async () => {
    expect(
      (await call(sandbox, 'POST', `${workbook}/createLink`, { body: { type: 'print', scope: 'organization' } })).json
        .error.code,
    ).toBe('invalidRequest');
    expect(
      (await call(sandbox, 'POST', `${workbook}/createLink`, { body: { type: 'view', scope: 'users' } })).status,
    ).toBe(400);
  });
});

describe('drive: addressing and housekeeping', () => {
  it('reaches the same drive as /drives/{drive-id}, and items by parent-id relative path', async () => {
    const drive = await call(sandbox, 'GET', '/me/drive');
    const viaId = await call(sandbox, 'GET', `/drives/${drive.json.id}/root:/Documents:/children?$select=name`);
    expect(viaId.json.value.map((v: { name: string }) => v.name)).toEqual([
      'Marketing',
      'Planning',
      'Policies',
      'Sales',
    ]);
    expect((await call(sandbox, 'GET', `/drives/${drive.json.id}/root`, { as: MEGAN })).status).toBe(403);
    const documents = await call(sandbox, 'GET', '/me/drive/root:/Documents');
    const session = await call(
      sandbox,
      'POST',
      `/me/drive/items/${documents.json.id}:/Relative.txt:/createUploadSession`,
      { body: {} },
    );
    const [done] = await upload(session.json.uploadUrl, Buffer.from('relative'), 100);
    expect(done).toMatchObject({
      status: 201,
      json: { name: 'Relative.txt', parentReference: { id: documents.json.id, path: '/drive/root:/Documents' } },
    });
  });

  it('applies $select, $top and paging to children', async () => {
    const page = await call(sandbox, 'GET', '/me/drive/root:/Documents:/children?$top=2&$select=id,name');
    expect(Object.keys(page.json.value[0]).sort()).toEqual(['@odata.etag', 'id', 'name']);
    expect(page.json.value).toHaveLength(2);
    const oldest = await call(sandbox, 'GET', '/me/drive/root/children?$orderby=lastModifiedDateTime asc&$select=name');
    expect(oldest.json.value[0].name).toBe('Documents');
    expect((await call(sandbox, 'GET', `/me/drive/search(q='brief')?$select=name`)).json.value).toEqual([
      expect.objectContaining({ name: 'Spring launch brief.docx' }),
    ]);
    const all = await getAll(sandbox, page.json['@odata.nextLink']);
    expect(all.map((v) => v.name)).toEqual(expect.arrayContaining(['Policies', 'Sales']));
    expect(all.map((v) => v.name)).not.toContain(page.json.value[0].name);
  });

  it('deletes items and links, and stores a simple upload as sent even when it is labelled JSON', async () => {
    const notes = await call(sandbox, 'GET', '/me/drive/root:/Meeting%20notes.txt');
    const link = await call(sandbox, 'POST', `/me/drive/items/${notes.json.id}/createLink`, {
      body: { type: 'view', scope: 'organization' },
    });
    expect(
      (await call(sandbox, 'GET', `/me/drive/items/${notes.json.id}/permissions/${link.json.id}`)).json.link.scope,
    ).toBe('organization');
    expect((await call(sandbox, 'DELETE', `/me/drive/items/${notes.json.id}/permissions/${link.json.id}`)).status).toBe(
      204,
    );
    expect((await call(sandbox, 'GET', `/me/drive/items/${notes.json.id}/permissions/${link.json.id}`)).status).toBe(
      404,
    );
    const put = await fetch(`${sandbox.url}/me/drive/items/${notes.json.id}/content`, {
      method: 'PUT',
      headers: { authorization: `Bearer sandbox:${ALEX}`, 'content-type': 'application/json' },
      body: '{"a":1}',
    });
    expect(put.status).toBe(200);
    expect((await put.json()) as { id: string; size: number }).toMatchObject({ id: notes.json.id, size: 7 });
    expect((await call(sandbox, 'DELETE', `/me/drive/items/${notes.json.id}`)).status).toBe(204);
    expect((await call(sandbox, 'GET', `/me/drive/items/${notes.json.id}`)).status).toBe(404);
    expect((await call(sandbox, 'GET', '/me/drive/root', { as: null })).status).toBe(401);
  });
});
