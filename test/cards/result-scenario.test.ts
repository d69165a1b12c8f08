import type { AdaptiveCard } from '../../src/teams/cards';
import type { RunningApp } from '../http/app-harness';
import { runScenario, useScenarioApp, type ScenarioRun } from '../scenarios/harness';
import { actionsIn, cardProblems, elementsOf, textsOf } from './card-checks';

/**
 * End to end: a question sent as a genuine Teams message, planned by the rule planner, run
 * against the sandbox tenant over HTTP; the result card the bot then posts shows the answer.
 * Seeds are relative to now, so dates are matched by shape.
 */
type Json = Record<string, unknown>;
const DAY = String.raw`\w{3} \d{1,2} \w{3} \d{4}`;

/** The result card posted for the scenario's task (it follows the task's completion). */
async function resultCard(app: RunningApp, run: ScenarioRun): Promise<AdaptiveCard> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const found = app.connector
      .cards()
      .find(
        (c) =>
          c.call.conversationId === run.plan.call.conversationId &&
          textsOf(c.card)[0] === 'Done' &&
          textsOf(c.card)[2]?.startsWith(`Task ${run.task.id} `),
      );
    if (found) return found.card;
    if (Date.now() > deadline) throw new Error(`no result card for ${run.task.id}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Each step's answer as shown (rich-text runs joined), its notes and its links. */
async function answered(
  app: RunningApp,
  outcome: string,
): Promise<Array<{ lines: string[]; texts: string[]; links: string[] }>> {
  const run = await runScenario(app, outcome);
  expect(run.task.status).toBe('completed');
  expect(run.checkpoints).toHaveLength(0);
  const card = await resultCard(app, run);
  expect(cardProblems(card)).toEqual([]);
  return elementsOf(card, 'Container').map((item) => ({
    lines: elementsOf({ body: [item] }, 'RichTextBlock').map((b) =>
      (b.inlines as Json[]).map((r) => String(r.text)).join(''),
    ),
    texts: textsOf({ body: [item] }),
    links: actionsIn({ body: [item] }).map(({ action }) => String(action.url)),
  }));
}

describe('scenarios: the result card answers the question', () => {
  const app = useScenarioApp();

  it("who is Megan's manager", async () => {
    expect((await answered(app(), "who is Megan's manager")).map((s) => s.lines)).toEqual([
      ['Megan Bowen reports to Patti Fernandez (President).'],
    ]);
  });

  it('what are my planner tasks: each with its due day and assignees', async () => {
    const [step] = await answered(app(), 'what are my planner tasks');
    expect(step?.lines).toContainEqual(
      expect.stringMatching(new RegExp(`^• Order booth banners · due ${DAY} · Alex Wilber, Adele Vance$`)),
    );
  });

  it("what's on my calendar tomorrow", async () => {
    const [step] = await answered(app(), "what's on my calendar tomorrow");
    expect(step?.lines).toContainEqual(
      expect.stringMatching(new RegExp(`^• Contoso renewal review · ${DAY}, 14:00–15:00 · Alex Wilber$`)),
    );
  });

  it('List my meetings next week: the first ten, with links to Outlook, and how many more', async () => {
    const [step] = await answered(app(), 'List my meetings next week');
    expect(step?.lines).toHaveLength(10);
    expect(step?.lines[0]).toMatch(new RegExp(`^• Marketing weekly sync · ${DAY}, 10:00–11:00 · Megan Bowen$`));
    expect(step?.links.length).toBeGreaterThan(0);
    for (const url of step?.links ?? []) expect(url).toMatch(/^https:\/\//);
    expect(step?.texts.at(-1)).toMatch(/^And \d+ more\.$/);
  });

  it("what's in the spring launch brief: the document's text under the read, nothing under the search", async () => {
    const [search, read] = await answered(app(), "what's in the spring launch brief");
    expect(search?.lines).toEqual([]);
    expect(read?.lines.slice(0, 3)).toEqual(['Spring launch brief.docx', 'Spring launch brief', 'Overview']);
    expect(read?.lines).toContain(
      'The launch budget is 65,000 USD, owned by Megan Bowen; paid social takes 40 percent.',
    );
  });

  it("what's new in the General channel: the summary, not the posts", async () => {
    const [posts, summary] = await answered(app(), "what's new in the General channel");
    expect(posts?.lines).toEqual([]);
    expect(summary?.lines).toContainEqual(
      expect.stringMatching(
        /^- Lynne Robbins, \d{4}-\d{2}-\d{2}: Reminder: Q3 planning numbers are due Friday at noon\.$/,
      ),
    );
  });

  it('summarise the thread Contoso renewal: its subject and summary', async () => {
    const [search, thread] = await answered(app(), 'summarise the thread Contoso renewal');
    expect(search?.lines).toEqual([]);
    expect(thread?.lines[0]).toBe('Contoso renewal: revised pricing for FY27');
    expect(thread?.lines).toContainEqual(expect.stringMatching(/^- Dana Whitman, .*on-site onboarding/));
  });
});
