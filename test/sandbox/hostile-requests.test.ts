import type { Sandbox } from '../../src/sandbox';
import { ALEX, startTestSandbox } from './helpers';

/** Raw requests, as an attacker or a broken client sends them (no client-side normalising). */
async function raw(sandbox: Sandbox, pathAndQuery: string): Promise<{ status: number; body: unknown; text: string }> {
  const res = await fetch(`${sandbox.url.replace(/\/v1\.0$/, '')}${pathAndQuery}`, {
    headers: { authorization: `Bearer sandbox:${ALEX}` },
  });
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: res.status, body, text };
}

const graphError = {
  error: {
    code: expect.any(String),
    message: expect.any(String),
    innerError: expect.objectContaining({ 'request-id': expect.any(String) }),
  },
};

describe('sandbox: hostile requests get 400 in Graph error shape, never 500', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
  });
  afterAll(async () => {
    await sandbox.close();
  });

  it('answers a path with doubled slashes with 400', async () => {
    const answer = await raw(sandbox, '//v1.0//users//alexw@example.com//messages');
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual(graphError);
  });

  it('answers a $filter with thousands of nested parentheses with 400', async () => {
    const depth = 5000;
    const filter = `${'('.repeat(depth)}isRead eq false${')'.repeat(depth)}`;
    const answer = await raw(sandbox, `/v1.0/users/${ALEX}/messages?$filter=${encodeURIComponent(filter)}`);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual(graphError);
    expect(answer.text).not.toMatch(/stack|RangeError/i);
  });

  it('answers deep not/any nesting with 400 too, and still reads modest nesting', async () => {
    const nots = `${'not '.repeat(1000)}isRead eq false`;
    await expect(
      raw(sandbox, `/v1.0/users/${ALEX}/messages?$filter=${encodeURIComponent(nots)}`),
    ).resolves.toMatchObject({ status: 400 });
    const modest = `${'('.repeat(20)}isRead eq false${')'.repeat(20)}`;
    await expect(
      raw(sandbox, `/v1.0/users/${ALEX}/messages?$filter=${encodeURIComponent(modest)}&$top=1`),
    ).resolves.toMatchObject({ status: 200 });
  });
});
