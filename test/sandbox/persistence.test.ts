import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox } from '../../src/sandbox';
import { admin, call, getAll, MEGAN, NOW, startTestSandbox } from './helpers';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sandbox-test-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('persistence', () => {
  it('keeps state across a restart on the same file and does not reseed', async () => {
    const dbPath = join(dir, 'tenant.db');
    const first = await startSandbox({ dbPath, port: 0, clock: () => NOW });
    const draft = await call(first, 'POST', '/me/messages', {
      body: { subject: 'Survives restarts', toRecipients: [{ emailAddress: { address: MEGAN } }] },
    });
    await call(first, 'POST', `/me/messages/${encodeURIComponent(draft.json.id)}/send`);
    const before = (await getAll(first, '/me/messages?$top=500')).length;
    await first.close();

    const later = new Date(NOW.getTime() + 3 * 86_400_000);
    const second = await startSandbox({ dbPath, port: 0, clock: () => later });
    try {
      const mine = await call(second, 'GET', `/me/messages/${encodeURIComponent(draft.json.id)}`);
      expect(mine.json).toMatchObject({ subject: 'Survives restarts', isDraft: false });
      expect((await getAll(second, '/me/messages?$top=500')).length).toBe(before);
      const megan = await getAll(second, `/users/${MEGAN}/messages?$top=500`, 'app');
      expect(megan.filter((m) => m.subject === 'Survives restarts')).toHaveLength(1);
    } finally {
      await second.close();
    }
  });

  it('reseeds on reset() and on the admin endpoint', async () => {
    const sandbox = await startTestSandbox();
    try {
      await call(sandbox, 'POST', '/me/messages', { body: { subject: 'Temporary' } });
      await sandbox.reset();
      expect((await getAll(sandbox, '/me/messages?$top=500')).some((m) => m.subject === 'Temporary')).toBe(false);
      await call(sandbox, 'POST', '/me/messages', { body: { subject: 'Temporary' } });
      expect(await admin(sandbox, 'POST', '/_sandbox/reset')).toBe(200);
      expect((await getAll(sandbox, '/me/messages?$top=500')).some((m) => m.subject === 'Temporary')).toBe(false);
    } finally {
      await sandbox.close();
    }
  });
});

describe('deterministic seed', () => {
  async function snapshot(now: Date): Promise<string> {
    const sandbox = await startSandbox({ dbPath: ':memory:', port: 0, clock: () => now });
    try {
      const strip = (v: unknown) => JSON.stringify(v).replaceAll(sandbox.url, 'BASE');
      const parts = await Promise.all([
        getAll(sandbox, '/me/messages?$top=500'),
        getAll(sandbox, `/users/${MEGAN}/messages?$top=500`, 'app'),
        getAll(sandbox, '/me/events?$top=500'),
        getAll(sandbox, `/users/${MEGAN}/events?$top=500`, 'app'),
        getAll(
          sandbox,
          `/teams/${encodeURIComponent('e5c2a8d4-7f3b-4e1a-b9c6-5d7e8f9a0b17')}/channels/${encodeURIComponent('19:3f8a2c6e1b4d4e7f9a0c5b2d8e1f6a3c@thread.tacv2')}/messages?$expand=replies`,
        ),
      ]);
      return strip(parts);
    } finally {
      await sandbox.close();
    }
  }

  it('produces identical data for the same now, and moves with now', async () => {
    const a = await snapshot(NOW);
    const b = await snapshot(NOW);
    expect(a).toBe(b);
    expect(a.length).toBeGreaterThan(10_000);
    const c = await snapshot(new Date(NOW.getTime() + 7 * 86_400_000));
    expect(c).not.toBe(a);
  });

  it('places "this week" mail between Monday and now even early on a Monday', async () => {
    const monday = new Date('2026-03-16T00:30:00Z');
    const sandbox = await startSandbox({ dbPath: ':memory:', port: 0, clock: () => monday });
    try {
      const all = await getAll(sandbox, '/me/messages?$top=500');
      expect(all.every((m) => Date.parse(String(m.receivedDateTime)) <= monday.getTime())).toBe(true);
      expect(
        all.filter((m) => Date.parse(String(m.receivedDateTime)) >= Date.parse('2026-03-16T00:00:00Z')).length,
      ).toBeGreaterThanOrEqual(10);
    } finally {
      await sandbox.close();
    }
  });
});
