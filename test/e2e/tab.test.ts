import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import axe from 'axe-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ALEX, PersonalChat } from '../http/activities';
import { cardText, startApp, type RunningApp } from '../http/app-harness';
import { checkpointCard, click, mailsWithSubject, planFor, resultCard } from '../http/flow-helpers';
import { launchChromium } from './chromium';

const ROOT = path.resolve(__dirname, '..', '..');
const OUTCOME = 'Email Megan Bowen a summary of my unread mail from Contoso';
const SCREENSHOT = path.join(os.tmpdir(), 'delegate-e2e-tab.png');
const BOARD_SCREENSHOT = path.join(os.tmpdir(), 'delegate-e2e-tab-board.png');
const TASK_SCREENSHOT = path.join(os.tmpdir(), 'delegate-e2e-tab-task.png');

/**
 * axe-core's violations of serious or critical impact on the page as it is now. Fluent UI's focus
 * manager (tabster) puts `<i tabindex="0" aria-hidden data-tabster-dummy>` sentinels around
 * focus groups; they hand focus on the moment they receive it and never hold it, and axe flags them
 * as aria-hidden-focus (a known false positive), so they alone are left out.
 */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axe.source });
  const results = (await page.evaluate(
    "axe.run({ exclude: [['[data-tabster-dummy]']] }, { resultTypes: ['violations'] })",
  )) as axe.AxeResults;
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

async function signIn(browser: Browser, url: string, name: string): Promise<{ context: BrowserContext; page: Page }> {
  // axe is injected as an inline script, which the tab's Content-Security-Policy rightly forbids.
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${url}/tab/`);
  await page.getByLabel('Sign in as').selectOption({ label: name });
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText(`Signed in as`).waitFor();
  return { context, page };
}

/**
 * The Tasks tab in Debian's Chromium, against the running bot in local mode: the checkpoint is
 * made by genuine Teams activities posted to /api/messages, then seen and approved in the tab.
 */
describe('e2e: the Tasks tab in Chromium', () => {
  let run: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    // `npm install` / `npm ci` build the tab (prepare); a checkout that skipped it builds it here.
    if (!existsSync(path.join(ROOT, 'dist', 'tab-app', 'index.html')))
      execFileSync(
        process.execPath,
        [path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'tab/vite.config.mjs'],
        {
          cwd: ROOT,
          stdio: 'inherit',
        },
      );
    run = await startApp();
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await run?.stop();
  });

  it('Alex approves a waiting checkpoint from the tab: one mail sent, the chat card updated in place', async () => {
    const chat = new PersonalChat(run.connector.url, ALEX);
    const plan = await planFor(run, chat, OUTCOME);
    await click(run, chat, plan, 'Approve');
    const checkpoint = await checkpointCard(run, chat);
    const task = await run.app.engine.getTask(
      String((checkpoint.card.actions as { data: { taskId: string } }[])[0]!.data.taskId),
    );
    const step = task.plan.steps.find((s) => s.status === 'awaiting_approval')!;
    const subject = String((step.resolvedInput ?? step.input).subject ?? '');

    const { context, page } = await signIn(browser, run.app.server.url, 'Alex Wilber');
    try {
      const card = page.getByRole('listitem').filter({ hasText: task.title });
      await card.waitFor();
      await expect(card.innerText()).resolves.toContain('meganb@example.com');
      await expect(card.innerText()).resolves.toContain(subject);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: SCREENSHOT, fullPage: true });

      // Keyboard only: Tab reaches Approve, Enter presses it.
      const approve = card.getByRole('button', { name: 'Approve', exact: true });
      for (
        let presses = 0;
        presses < 40 && !(await approve.evaluate((b) => b === b.ownerDocument.activeElement));
        presses++
      )
        await page.keyboard.press('Tab');
      expect(await approve.evaluate((b) => b === b.ownerDocument.activeElement)).toBe(true);
      await page.keyboard.press('Enter');
      await page.getByText('Nothing waits for your decision.').waitFor({ timeout: 15_000 });

      await run.connector.waitFor(
        () =>
          run.connector
            .cards()
            .find(
              (c) =>
                c.call.method === 'PUT' &&
                c.call.activityId === checkpoint.call.activityId &&
                cardText(c.card).includes('Approved by Alex Wilber'),
            ),
        15_000,
        'the checkpoint card updated in place',
      );
      await resultCard(run, chat);
      await expect(mailsWithSubject(run, 'meganb@example.com', subject)).resolves.toHaveLength(1);

      // The board: the task is done.
      await page.getByRole('tab', { name: 'My tasks' }).click();
      await page.getByRole('tab', { name: 'Board' }).click();
      const done = page.getByRole('region', { name: 'Done (1)' });
      await done.waitFor({ timeout: 15_000 });
      await expect(done.innerText()).resolves.toContain(task.title);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: BOARD_SCREENSHOT });

      // The task's page: its timeline and its verified ledger.
      await done.getByRole('link', { name: task.title }).click();
      await page.getByRole('heading', { name: 'Timeline' }).waitFor();
      const steps = page.getByRole('list', { name: 'Steps' }).locator(':scope > li');
      await expect(steps.count()).resolves.toBe(task.plan.steps.length);
      await expect(page.getByText(/^All \d+ entries verified/).count()).resolves.toBe(1);
      await expect(page.getByRole('heading', { name: 'Decisions' }).count()).resolves.toBe(1);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: TASK_SCREENSHOT, fullPage: true });
    } finally {
      await context.close();
    }
  });

  it("Megan sees none of Alex's personal tasks", async () => {
    const { context, page } = await signIn(browser, run.app.server.url, 'Megan Bowen');
    try {
      await page.getByText('Nothing waits for your decision.').waitFor();
      await page.getByRole('tab', { name: 'My tasks' }).click();
      await page.getByText('No tasks match.').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
