import type { Sandbox } from '../../src/sandbox';
import { quickXorHash } from '../../src/actions/files/quick-xor-hash';
import { ALEX, call, MEGAN, startTestSandbox } from './helpers';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(async () => {
  await sandbox.close();
});

interface Answer {
  status: number;
  json: Record<string, unknown> & { error?: { code: string; innerError?: Record<string, unknown> } };
}

/** A simple upload (`PUT …:/content`) of `bytes`, sent as file content rather than JSON. */
async function put(
  path: string,
  bytes: Buffer,
  opts: { conflict?: string; as?: string; type?: string } = {},
): Promise<Answer> {
  const query = opts.conflict ? `?@microsoft.graph.conflictBehavior=${opts.conflict}` : '';
  const res = await fetch(`${sandbox.url}${path}${query}`, {
    method: 'PUT',
    headers: {
      authorization: `Bearer sandbox:${opts.as ?? ALEX}`,
      'content-type': opts.type ?? 'application/octet-stream',
    },
    body: bytes,
  });
  return { status: res.status, json: (await res.json()) as Answer['json'] };
}

async function bytesOf(item: Record<string, unknown>): Promise<Buffer> {
  return Buffer.from(await (await fetch(String(item['@microsoft.graph.downloadUrl']))).arrayBuffer());
}

/** Every byte value, twice, plus bytes that are not valid UTF-8 on their own. */
const BINARY = Buffer.concat([
  Buffer.from(Array.from({ length: 512 }, (_, i) => i % 256)),
  Buffer.from([0xff, 0xfe, 0x00, 0xc3]),
]);

describe('drive: simple upload (PUT …/content)', () => {
  it('creates a file by path (folders included) with the exact bytes: 201 and the driveItem', async () => {
    const answer = await put('/me/drive/root:/Uploads/Raw/blob.bin:/content', BINARY, { conflict: 'fail' });
    expect(answer.status).toBe(201);
    expect(answer.json).toMatchObject({
      name: 'blob.bin',
      size: BINARY.length,
      file: { hashes: { quickXorHash: quickXorHash(BINARY) } },
    });
    expect((await bytesOf(answer.json)).equals(BINARY)).toBe(true);
    const folder = await call(sandbox, 'GET', '/me/drive/root:/Uploads/Raw:/children');
    expect(folder.json.value.map((i: { id: string }) => i.id)).toEqual([answer.json.id]);
  });

  it('honours conflict behaviour: fail is a 409, rename saves "name 1.ext", replace keeps the id', async () => {
    const first = await put('/me/drive/root:/Conflicts/report.txt:/content', Buffer.from('one'), { conflict: 'fail' });
    const failed = await put('/me/drive/root:/Conflicts/report.txt:/content', Buffer.from('two'), { conflict: 'fail' });
    expect(failed.status).toBe(409);
    expect(failed.json.error).toMatchObject({
      code: 'nameAlreadyExists',
      innerError: expect.objectContaining({ 'request-id': expect.any(String) }),
    });
    const renamed = await put('/me/drive/root:/Conflicts/report.txt:/content', Buffer.from('three'), {
      conflict: 'rename',
    });
    expect(renamed).toMatchObject({ status: 201, json: { name: 'report 1.txt' } });
    const replaced = await put('/me/drive/root:/Conflicts/report.txt:/content', Buffer.from('four!'), {
      conflict: 'replace',
    });
    expect(replaced).toMatchObject({ status: 200, json: { id: first.json.id, name: 'report.txt', size: 5 } });
    expect((await bytesOf(replaced.json)).toString()).toBe('four!');
    // Graph's default for a simple upload is replace.
    expect(await put('/me/drive/root:/Conflicts/report.txt:/content', Buffer.from('five'))).toMatchObject({
      status: 200,
      json: { id: first.json.id },
    });
    expect(
      (await put('/me/drive/root:/Conflicts/report.txt:/content', Buffer.from('x'), { conflict: 'sometimes' })).status,
    ).toBe(400);
  });

  it('replaces by item id, and stores text bodies as sent (never parsed as JSON)', async () => {
    const created = await put('/me/drive/root:/notes.md:/content', Buffer.from('# v1'), { type: 'text/plain' });
    const updated = await put(`/me/drive/items/${String(created.json.id)}/content`, Buffer.from('{not json'), {
      type: 'text/plain',
    });
    expect(updated).toMatchObject({ status: 200, json: { id: created.json.id, size: 9 } });
    expect((await bytesOf(updated.json)).toString()).toBe('{not json');
  });

  it('accepts more than 4 MB (Graph documents simple upload up to 250 MB)', async () => {
    const big = Buffer.alloc(5 * 1024 * 1024 + 7, 0xab);
    const answer = await put('/me/drive/root:/big.bin:/content', big);
    expect(answer).toMatchObject({ status: 201, json: { size: big.length } });
    expect(quickXorHash(await bytesOf(answer.json))).toBe(quickXorHash(big));
  });

  it("refuses someone else's drive and an anonymous caller", async () => {
    expect((await put(`/users/${MEGAN}/drive/root:/x.txt:/content`, Buffer.from('x'))).json.error?.code).toBe(
      'accessDenied',
    );
    const anonymous = await fetch(`${sandbox.url}/me/drive/root:/x.txt:/content`, {
      method: 'PUT',
      headers: { 'content-type': 'text/plain' },
      body: 'x',
    });
    expect(anonymous.status).toBe(401);
  });

  it('cannot carry file content inside a JSON batch (415), as Graph', async () => {
    const batch = await call(sandbox, 'POST', '/$batch', {
      body: {
        requests: [
          {
            id: '1',
            method: 'PUT',
            url: '/me/drive/root:/b.txt:/content',
            body: 'x',
            headers: { 'content-type': 'text/plain' },
          },
        ],
      },
    });
    expect(batch.json.responses[0]).toMatchObject({ status: 415 });
  });
});

describe('sandbox HTTP front: JSON bodies', () => {
  it('still refuses invalid JSON and JSON over 4 MB', async () => {
    const bad = await fetch(`${sandbox.url}/me/drive/root/children`, {
      method: 'POST',
      headers: { authorization: `Bearer sandbox:${ALEX}`, 'content-type': 'application/json' },
      body: '{oops',
    });
    expect(bad.status).toBe(400);
    const noType = await fetch(`${sandbox.url}/me/drive/root/children`, {
      method: 'POST',
      headers: { authorization: `Bearer sandbox:${ALEX}` },
      body: Buffer.from('{oops'),
    });
    expect(noType.status).toBe(400);
    const huge = await fetch(`${sandbox.url}/me/drive/root/children`, {
      method: 'POST',
      headers: { authorization: `Bearer sandbox:${ALEX}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'x', folder: {}, pad: 'a'.repeat(4 * 1024 * 1024) }),
    }).then(
      (r) => r.status,
      () => 0,
    );
    // The sandbox answers 413 and closes; a client still sending may see the reset instead.
    expect([413, 0]).toContain(huge);
  });

  it('parses JSON sent as application/json with parameters', async () => {
    const folder = await fetch(`${sandbox.url}/me/drive/root/children`, {
      method: 'POST',
      headers: { authorization: `Bearer sandbox:${ALEX}`, 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ name: 'From JSON', folder: {} }),
    });
    expect(folder.status).toBe(201);
  });
});
