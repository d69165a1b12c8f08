import type { Catalogue } from '../../src/engine/catalogue';
import type { Task } from '../../src/engine/model';
import type { AdaptiveCard } from '../../src/teams/cards';
import { LINE_LIMIT, TEXT_LIMIT } from '../../src/teams/views/result-answer';
import { resultView } from '../../src/teams/views/result-view';
import { actionsIn, cardProblems, elementsOf, stringsIn, textsOf, unexpanded } from './card-checks';
import { HOSTILE_EXACT, HOSTILE_SUBJECT } from './hostile';
import type { Journey } from './journeys';
import { catalogue, renderer, userTextOf } from './render';
import {
  HOSTILE_MARKDOWN,
  HOSTILE_TEXT,
  PLAIN_SUMMARY,
  briefJourney,
  calendarJourney,
  channelNewsJourney,
  eventOf,
  managerJourney,
  plannerJourney,
  threadJourney,
} from './result-journeys';
import { taskIn } from './states';

/**
 * The result card of a task that only reads shows the answer: the text of the last read or
 * compose step, or the list it found, literally (no `${…}` expanded, no markdown or link taken
 * from content), clipped, with links only to Graph's own https web pages.
 */
type Json = Record<string, unknown>;

function card(task: Task, from: Catalogue = catalogue): AdaptiveCard {
  return renderer.render('result', resultView(task, from));
}

/** Each step's part of the card: its TextBlocks, its rich-text lines (runs joined), and every link. */
function stepsOf(rendered: AdaptiveCard): Array<{ texts: string[]; lines: string[]; links: string[] }> {
  return elementsOf(rendered, 'Container').map((item) => ({
    texts: textsOf({ body: [item] }),
    lines: elementsOf({ body: [item] }, 'RichTextBlock').map((block) =>
      (block.inlines as Json[]).map((run) => String(run.text)).join(''),
    ),
    links: actionsIn({ body: [item] }).map(({ action }) => String(action.url)),
  }));
}

/** Text a card may show because content held it: the task's own text and every line of every output string. */
function contentOf(task: Task): string[] {
  const lines = task.plan.steps.flatMap((step) =>
    stringsIn(step.output).flatMap(({ text }) => text.split('\n').map((line) => line.trim())),
  );
  return [...new Set([...userTextOf(task), ...lines])].filter((t) => t !== '').sort((a, b) => b.length - a.length);
}

const JOURNEYS: ReadonlyArray<{ hostile: boolean; journey: Journey }> = [
  { hostile: false, journey: briefJourney('Spring launch\n\nThe launch is on 14 March.\nBudget: 40k.') },
  { hostile: true, journey: briefJourney(HOSTILE_TEXT) },
  { hostile: false, journey: channelNewsJourney(PLAIN_SUMMARY) },
  { hostile: true, journey: channelNewsJourney(HOSTILE_TEXT) },
  {
    hostile: false,
    journey: calendarJourney([eventOf(1, 'Launch sync', 'https://outlook.office365.com/owa/?itemid=AAMkAD-ev-1')]),
  },
  {
    hostile: true,
    journey: calendarJourney([
      eventOf(1, HOSTILE_SUBJECT, 'javascript:alert(1)'),
      eventOf(2, HOSTILE_MARKDOWN, 'https://outlook.office365.com/owa/?itemid=AAMkAD-ev-2'),
      eventOf(3, HOSTILE_EXACT, 'http://evil.example.com/x'),
    ]),
  },
  { hostile: false, journey: managerJourney() },
  { hostile: false, journey: plannerJourney() },
  { hostile: true, journey: plannerJourney(true) },
  {
    hostile: false,
    journey: threadJourney(
      'Renewal terms',
      'Dana accepts the renewal terms.\nRaj booked the security review for Friday.',
    ),
  },
  { hostile: true, journey: threadJourney(HOSTILE_SUBJECT, HOSTILE_TEXT) },
];
const named = JOURNEYS.map(
  ({ hostile, journey }) => [`${journey.name}${hostile ? ' (hostile text)' : ''}`, hostile, journey] as const,
);

describe('the read-only fixtures', () => {
  it.each(named)('%s: every output is what its action returns (passes output.parse unchanged)', (_, __, journey) => {
    for (const step of journey.steps)
      expect({ action: step.action, parsed: catalogue.get(step.action)?.output.parse(step.output) }).toEqual({
        action: step.action,
        parsed: step.output,
      });
  });
});

describe('the result card of a completed read-only task', () => {
  it.each(named)(
    '%s: is a well-formed card with no template left and links only to https pages',
    (_, hostile, journey) => {
      const task = taskIn(journey, 'completed');
      const rendered = card(task);
      expect(cardProblems(rendered)).toEqual([]);
      expect(unexpanded(rendered, contentOf(task))).toEqual([]);
      if (!hostile) expect(JSON.stringify(rendered)).not.toContain('${');
      for (const block of elementsOf(rendered, 'RichTextBlock'))
        for (const run of block.inlines as Json[])
          expect({ type: run.type, text: typeof run.text }).toEqual({ type: 'TextRun', text: 'string' });
      for (const { action } of actionsIn(rendered).filter(({ action }) => action.verb !== 'refresh'))
        expect({ type: action.type, url: action.url }).toEqual({
          type: 'Action.OpenUrl',
          url: expect.stringMatching(
            /^https:\/\/(contoso-my\.sharepoint\.com|outlook\.office365\.com|teams\.microsoft\.com)\//,
          ),
        });
    },
  );

  it.each(named)('%s: shows content only in rich text, which Teams never reads as markdown', (_, __, journey) => {
    const task = taskIn(journey, 'completed');
    const own = userTextOf(task);
    for (const text of textsOf(card(task))) {
      const rest = own.reduce((left, user) => left.split(user).join(''), text);
      expect({ text, rest }).toEqual({ text, rest: expect.not.stringMatching(/\$\{|evil|\*\*|\]\(/) });
    }
  });

  it('for a document shows its name and text under the read step, and links to it', () => {
    const steps = stepsOf(
      card(taskIn(briefJourney('Spring launch\n\nThe launch is on 14 March.\nBudget: 40k.'), 'completed')),
    );
    expect(steps[0]).toEqual({ texts: ['✅ Find "spring launch brief" in your OneDrive'], lines: [], links: [] });
    expect(steps[1]).toEqual({
      texts: ['✅ Read a document from your OneDrive'],
      lines: ['Spring launch brief.docx', 'Spring launch', 'The launch is on 14 March.', 'Budget: 40k.'],
      links: ['https://contoso-my.sharepoint.com/personal/adelev_contoso_com/Documents/Spring%20launch%20brief.docx'],
    });
  });

  it('starts a paragraph after a blank line, and keeps lines of one paragraph together', () => {
    const blocks = elementsOf(
      card(taskIn(briefJourney('Spring launch\n\nThe launch is on 14 March.\nBudget: 40k.'), 'completed')),
      'RichTextBlock',
    );
    expect(blocks.map((b) => b.spacing)).toEqual(['Small', 'Small', 'Medium', 'None']);
  });

  it('clips a long text with "…" and says how long the whole was', () => {
    const text = Array.from({ length: 200 }, (_, i) => `Sentence number ${i + 1} of the brief, about the launch.`).join(
      ' ',
    );
    const [, read] = stepsOf(card(taskIn(briefJourney(text, true), 'completed')));
    const shown = read?.lines.slice(1) ?? [];
    expect(shown.join('').length).toBeLessThanOrEqual(TEXT_LIMIT);
    expect(shown.at(-1)).toMatch(/\S…$/);
    expect(read?.texts.at(-1)).toBe(
      `Shortened: the whole text is ${text.length.toLocaleString('en-GB')} characters long. Delegate read only part of it.`,
    );
  });

  it(`shows at most ${LINE_LIMIT} lines of a list-like text`, () => {
    const text = Array.from({ length: 80 }, (_, i) => `- item ${i + 1}`).join('\n');
    const [, read] = stepsOf(card(taskIn(briefJourney(text), 'completed')));
    expect(read?.lines).toHaveLength(1 + LINE_LIMIT);
    expect(read?.lines.at(-1)).toBe(`- item ${LINE_LIMIT}…`);
    expect(read?.texts.at(-1)).toMatch(/^Shortened/);
  });

  it('for channel news shows the summary, not the posts it was made from', () => {
    const steps = stepsOf(card(taskIn(channelNewsJourney(PLAIN_SUMMARY), 'completed')));
    expect(steps.map((s) => s.lines)).toEqual([
      [],
      ['1 post in General.', 'Launch moved to Friday:', '- Megan Bowen, 2025-03-05: Launch moved to Friday.'],
    ]);
  });

  it('for the calendar lists 10 meetings with their local time, organiser and place, and counts the rest', () => {
    const events = Array.from({ length: 12 }, (_, i) =>
      eventOf(i + 1, `Meeting ${i + 1}`, `https://outlook.office365.com/owa/?itemid=AAMkAD-ev-${i + 1}`),
    );
    const [step] = stepsOf(card(taskIn(calendarJourney(events), 'completed')));
    expect(step?.lines).toHaveLength(10);
    expect(step?.lines[0]).toBe('• Meeting 1 · Thu 6 Mar 2025, 09:00–09:30 · Megan Bowen · Room 4.01');
    expect(step?.lines[9]).toBe('• Meeting 10 · Thu 6 Mar 2025, 18:00–18:30 · Megan Bowen');
    expect(step?.links).toEqual(events.slice(0, 10).map((e) => e.webLink));
    expect(step?.texts.at(-1)).toBe('And 2 more.');
  });

  it('for an empty calendar says nothing was found', () => {
    expect(stepsOf(card(taskIn(calendarJourney([]), 'completed')))[0]?.texts).toEqual([
      '✅ List your meetings',
      'Nothing found.',
    ]);
  });

  it('links a listed item only to an https web page', () => {
    const [step] = stepsOf(
      card(
        taskIn(
          calendarJourney([
            eventOf(1, 'A', 'javascript:alert(1)'),
            eventOf(2, 'B', 'http://intranet.example.com/b'),
            eventOf(3, 'C', 'https://outlook.office365.com/c'),
          ]),
          'completed',
        ),
      ),
    );
    expect(step?.links).toEqual(['https://outlook.office365.com/c']);
  });

  it("for a manager shows the action's answer", () => {
    expect(stepsOf(card(taskIn(managerJourney(), 'completed')))[0]?.lines).toEqual([
      'Megan Bowen reports to Miriam Graham (Director).',
    ]);
  });

  it('for planner tasks lists them (due date, assignees) rather than repeating the answer sentence', () => {
    expect(stepsOf(card(taskIn(plannerJourney(), 'completed')))[0]?.lines).toEqual([
      '• Book the venue · due Mon 10 Mar 2025, 17:00 UTC · Adele Vance',
      '• Draft the press release · Adele Vance, Megan Bowen',
    ]);
  });

  it('for a thread shows its subject and the summary', () => {
    const [step] = stepsOf(
      card(
        taskIn(
          threadJourney('Renewal terms', 'Dana accepts the renewal terms.\nRaj booked the security review for Friday.'),
          'completed',
        ),
      ),
    );
    expect(step?.lines).toEqual([
      'Renewal terms',
      'Dana accepts the renewal terms.',
      'Raj booked the security review for Friday.',
    ]);
  });
});
