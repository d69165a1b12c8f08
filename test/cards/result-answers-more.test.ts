import { createCatalogue } from '../../src/actions';
import type { Catalogue } from '../../src/engine/catalogue';
import type { Task } from '../../src/engine/model';
import type { GraphGateway } from '../../src/graph/types';
import type { LlmClient } from '../../src/llm/port';
import type { AdaptiveCard } from '../../src/teams/cards';
import { resultView } from '../../src/teams/views/result-view';
import { actionsIn, elementsOf, textsOf } from './card-checks';
import { HOSTILE_BODY, HOSTILE_EXACT, HOSTILE_SUBJECT } from './hostile';
import { ADELE, meeting, type Journey } from './journeys';
import { catalogue, renderer, stepOf } from './render';
import {
  HOSTILE_BIDI,
  HOSTILE_MARKDOWN,
  HOSTILE_TEXT,
  briefJourney,
  calendarJourney,
  eventOf,
  managerJourney,
  plannerJourney,
  threadJourney,
} from './result-journeys';
import { taskIn } from './states';

/** Hostile content word for word, compose steps, outputs that do not fit, and answers next to writes. */
type Json = Record<string, unknown>;

function stepsOf(
  task: Task,
  from: Catalogue = catalogue,
): Array<{ texts: string[]; lines: string[]; links: string[] }> {
  const rendered: AdaptiveCard = renderer.render('result', resultView(task, from));
  return elementsOf(rendered, 'Container').map((item) => ({
    texts: textsOf({ body: [item] }),
    lines: elementsOf({ body: [item] }, 'RichTextBlock').map((block) =>
      (block.inlines as Json[]).map((run) => String(run.text)).join(''),
    ),
    links: actionsIn({ body: [item] }).map(({ action }) => String(action.url)),
  }));
}

const HOSTILE_LINES = [...HOSTILE_BODY.split('\n'), HOSTILE_MARKDOWN, 'Invoicegnp.exe', HOSTILE_EXACT];

describe('hostile content on the result card', () => {
  it('stays word for word in a document, with only invisible direction overrides taken out', () => {
    expect(HOSTILE_TEXT).toContain(HOSTILE_BIDI);
    const [, read] = stepsOf(taskIn(briefJourney(HOSTILE_TEXT), 'completed'));
    expect(read?.lines).toEqual(['Spring launch brief.docx', ...HOSTILE_LINES]);
    expect(read?.links).toEqual([
      'https://contoso-my.sharepoint.com/personal/adelev_contoso_com/Documents/Spring%20launch%20brief.docx',
    ]);
  });

  it('stays word for word in a thread subject and summary', () => {
    expect(stepsOf(taskIn(threadJourney(HOSTILE_SUBJECT, HOSTILE_TEXT), 'completed'))[0]?.lines).toEqual([
      HOSTILE_SUBJECT,
      ...HOSTILE_LINES,
    ]);
  });

  it('stays literal in listed titles, and a listed link is Graph’s https page only', () => {
    const events = [
      eventOf(1, HOSTILE_SUBJECT, 'javascript:alert(1)'),
      eventOf(2, HOSTILE_MARKDOWN, 'https://outlook.office365.com/owa/?itemid=AAMkAD-ev-2'),
      eventOf(3, HOSTILE_EXACT, 'http://evil.example.com/x'),
    ];
    const [step] = stepsOf(taskIn(calendarJourney(events), 'completed'));
    expect(step?.lines[0]).toBe(`• ${HOSTILE_SUBJECT} · Thu 6 Mar 2025, 09:00–09:30 · Megan Bowen · Room 4.01`);
    expect(step?.lines[1]).toMatch(
      /^• \*\*Pay now\*\* \[Open the invoice\]\(https:\/\/evil\.example\.com\/pay\) .*… · Thu 6 Mar 2025, 10:00–10:30 · Megan Bowen$/,
    );
    expect(step?.lines[2]).toBe(`• ${HOSTILE_EXACT} · Thu 6 Mar 2025, 11:00–11:30 · Megan Bowen`);
    expect(step?.links).toEqual(['https://outlook.office365.com/owa/?itemid=AAMkAD-ev-2']);
  });

  it('stays literal in a planner task title', () => {
    expect(stepsOf(taskIn(plannerJourney(true), 'completed'))[0]?.lines[0]).toBe(
      `• ${HOSTILE_SUBJECT} · due Mon 10 Mar 2025, 17:00 UTC · Adele Vance`,
    );
  });
});

/** Cards never call the model: a client that fails proves it. */
const noModel: LlmClient = { complete: () => Promise.reject(new Error('cards must not call the model')) };
const noGraph: GraphGateway = {
  forUser: () => {
    throw new Error('cards must not call Graph');
  },
  forApp: () => {
    throw new Error('cards must not call Graph');
  },
};

function actionItemsJourney(): Journey {
  const message = {
    id: 'AAMkAD-m1',
    subject: 'Renewal terms',
    from: { name: 'Dana Whitman', address: 'dana@contoso.com' },
    receivedDateTime: '2025-03-04T08:12:00Z',
    bodyPreview: 'Please send the signed renewal by Friday.',
    isRead: false,
  };
  const items = [
    { text: 'Send the signed renewal', owner: 'Adele Vance', due: '2025-03-07', sourceId: message.id },
    { text: 'Book the security review', sourceId: message.id },
  ];
  const output = {
    items,
    summary: '- Send the signed renewal (Adele Vance, 2025-03-07)\n- Book the security review',
    sourceIds: [message.id],
  };
  const search = { from: 'contoso.com', top: 25 };
  return {
    name: 'action items',
    id: 'T0207',
    title: 'What do I have to do from Contoso mail',
    outcome: 'What do I have to do from Contoso mail',
    requester: ADELE,
    approvers: [ADELE.id],
    scope: { kind: 'personal', conversationId: 'a:personal-adele' },
    planVersion: 1,
    steps: [
      {
        id: 's1',
        action: 'mail.search',
        input: search,
        resolved: search,
        output: { messages: [message], count: 1, ids: [message.id] },
        risk: 'read',
        gate: 'auto',
        rationale: 'Find the mail.',
      },
      {
        id: 's2',
        action: 'compose.actionItems',
        input: { items: { $ref: 's1.messages' } },
        resolved: { items: [message] },
        output,
        risk: 'compose',
        gate: 'auto',
        rationale: 'Find what to do.',
      },
    ],
  };
}

describe('compose steps on the result card', () => {
  const withModel = createCatalogue(noGraph, { llm: noModel });

  it('lists the action items a compose step found, as the list rather than its bullet summary', () => {
    const journey = actionItemsJourney();
    for (const step of journey.steps)
      expect(withModel.get(step.action)?.output.parse(step.output)).toEqual(step.output);
    const steps = stepsOf(taskIn(journey, 'completed'), withModel);
    expect(steps.map((s) => s.lines)).toEqual([
      [],
      ['• Send the signed renewal · due Fri 7 Mar 2025 · Adele Vance', '• Book the security review'],
    ]);
  });

  it('shows no answer for an action the catalogue does not have (no model configured)', () => {
    expect(stepsOf(taskIn(actionItemsJourney(), 'completed')).map((s) => s.lines)).toEqual([[], []]);
  });
});

describe('outputs and writes', () => {
  it('shows nothing from an output that does not fit its action’s schema, but still shows the step', () => {
    const task = taskIn(calendarJourney([eventOf(1, 'Launch sync', 'https://outlook.office365.com/x')]), 'completed');
    stepOf(task, 's1').output = {
      events: [{ subject: 'Launch sync', webLink: 'https://outlook.office365.com/x' }],
      count: 1,
      truncated: false,
    };
    expect(catalogue.get('calendar.listEvents')?.output.safeParse(stepOf(task, 's1').output).success).toBe(false);
    expect(stepsOf(task)).toEqual([{ texts: ['✅ List your meetings'], lines: [], links: [] }]);
  });

  it('answers a read next to a write, and the write keeps its id and link', () => {
    const m = meeting();
    const [find, create] = m.steps;
    if (!find || !create) throw new Error('the meeting journey has two steps');
    const manager = managerJourney().steps[0];
    if (!manager) throw new Error('the manager journey has a step');
    const steps = [
      manager,
      { ...find, id: 's2' },
      {
        ...create,
        id: 's3',
        input: { ...create.input, start: { $ref: 's2.suggestions.0.start' }, end: { $ref: 's2.suggestions.0.end' } },
      },
    ];
    const shown = stepsOf(taskIn({ ...m, steps }, 'completed'));
    expect(shown[0]?.lines).toEqual(['Megan Bowen reports to Miriam Graham (Director).']);
    expect(shown[1]).toEqual({
      texts: ['✅ Find 30 minutes with meganb@example.com and alexw@example.com'],
      lines: [],
      links: [],
    });
    expect(shown[2]?.texts[1]).toBeUndefined(); // a link to the event, not its internal id
    expect(shown[2]?.links).toEqual([
      'https://outlook.office365.com/owa/?itemid=AAMkAD-event-1&exvsurl=1&path=/calendar/item',
    ]);
  });

  it('does not link a read’s plain http page, nor show a read’s id', () => {
    const task = taskIn(briefJourney('Text.'), 'completed');
    stepOf(task, 's2').output = {
      ...(stepOf(task, 's2').output as Json),
      webUrl: 'http://intranet.example.com/brief.docx',
    };
    expect(stepsOf(task)[1]).toEqual({
      texts: ['✅ Read a document from your OneDrive'],
      lines: ['Spring launch brief.docx', 'Text.'],
      links: [],
    });
  });
});
