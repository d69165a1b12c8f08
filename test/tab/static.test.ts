import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startApp, type RunningApp } from '../http/app-harness';

/** The built front end as the bot serves it under /tab/: caching headers, the page's CSP, nothing outside it. */
describe('Tasks tab static files', () => {
  let run: RunningApp;
  let dir = '';
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'delegate-tab-dist-'));
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Tasks</title>');
    writeFileSync(path.join(dir, 'assets', 'index-AbC123.js'), 'console.log(1)');
    run = await startApp({}, { tabDirectory: dir });
  });
  afterAll(async () => {
    await run?.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  const get = (p: string) => fetch(`${run.app.server.url}${p}`, { redirect: 'manual' });

  it('serves the page revalidated every time, framed only by itself in local mode', async () => {
    const res = await get('/tab/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    await expect(res.text()).resolves.toContain('<title>Tasks</title>');
    // A path of the app (a task's page) is the same page.
    expect((await get('/tab/task/ABC123')).status).toBe(200);
    const bare = await get('/tab');
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe('/tab/');
  });

  it('serves hashed assets as immutable for a year, and nothing outside the build', async () => {
    const res = await get('/tab/assets/index-AbC123.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await get('/tab/assets/missing.js')).status).toBe(404);
    expect((await get('/tab/assets/..%2F..%2Fpackage.json')).status).toBe(404);
    expect((await get('/tab/assets/%2e%2e/%2e%2e/package.json')).status).toBe(404);
  });
});
