import { startApp, type RunningApp } from './app-harness';

/**
 * The Tasks tab as built by `npm install` (prepare) and `npm run build` into dist/tab-app, where
 * the bot serves it from by default. The compiled run (`.ci/run`) runs this after `npm run build`,
 * so a build that leaves the tab out of dist/ (what a deployment ships) fails here.
 */
describe('the built Tasks tab', () => {
  let run: RunningApp;
  beforeAll(async () => {
    run = await startApp();
  });
  afterAll(async () => {
    await run?.stop();
  });

  it('is served from dist/tab-app, with its hashed script', async () => {
    const page = await fetch(`${run.app.server.url}/tab/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<title>Delegate: Tasks</title>');
    const script = /<script type="module" crossorigin src="(\/tab\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${run.app.server.url}${script ?? ''}`);
    expect(asset.status).toBe(200);
    expect((await asset.text()).length).toBeGreaterThan(1000);
  });
});
