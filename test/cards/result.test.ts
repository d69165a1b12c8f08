import type { Task } from '../../src/engine/model';
import type { AdaptiveCard } from '../../src/teams/cards';
import { resultView } from '../../src/teams/views/result-view';
import { actionsIn, elementsOf, textsOf } from './card-checks';
import { channelPost, meeting, summaryMail } from './journeys';
import { allFixtures, catalogue, renderer, stepOf } from './render';
import { taskIn } from './states';

/** The result card: one item per step, ids of what was made, links only to web pages, and the answer of a read nothing else used. */
function result(task: Task): AdaptiveCard {
  return renderer.render('result', resultView(task, catalogue));
}

/** Each step's item: its texts and the urls of its links. */
function itemsOf(card: AdaptiveCard): Array<{ texts: string[]; links: unknown[] }> {
  return elementsOf(card, 'Container').map((item) => ({
    texts: textsOf({ body: [item] }),
    links: actionsIn({ body: [item] }).map(({ action }) => ({
      type: action.type,
      title: action.title,
      url: action.url,
    })),
  }));
}

function withOutput(task: Task, stepId: string, patch: Record<string, unknown>): Task {
  const step = stepOf(task, stepId);
  step.output = { ...(step.output as object), ...patch };
  return task;
}

describe('the result card', () => {
  it('for the meeting lists both steps, with a link to the event (not its internal id)', () => {
    const task = taskIn(meeting(), 'completed');
    const card = result(task);
    expect(textsOf(card).slice(0, 3)).toEqual(['Done', task.title, 'Task T0002 · 2 steps done']);
    expect(itemsOf(card)).toEqual([
      { texts: ['✅ Find 30 minutes with meganb@example.com and alexw@example.com'], links: [] },
      {
        texts: [
          '✅ Create the meeting "Review with Megan Bowen and Alex Wilber" with meganb@example.com and alexw@example.com',
        ],
        links: [
          {
            type: 'Action.OpenUrl',
            title: 'Open',
            url: 'https://outlook.office365.com/owa/?itemid=AAMkAD-event-1&exvsurl=1&path=/calendar/item',
          },
        ],
      },
    ]);
  });

  it('for the summary mail shows the sent message id and no link (Graph gives none)', () => {
    expect(itemsOf(result(taskIn(summaryMail(), 'completed')))).toEqual([
      { texts: ['✅ Search your mail from contoso.com since Mon 3 Mar'], links: [] },
      { texts: ['✅ Summarise 2 messages'], links: [] },
      { texts: ['✅ Send an email to meganb@example.com', 'id AAMkAD-sent-1'], links: [] },
    ]);
  });

  it('for the channel post links to the post', () => {
    const items = itemsOf(result(taskIn(channelPost(), 'completed')));
    expect(items).toHaveLength(3);
    expect(items[2]).toEqual({
      texts: ['✅ Post in Mark 8 Project Team › General'],
      links: [
        {
          type: 'Action.OpenUrl',
          title: 'Open',
          url: 'https://teams.microsoft.com/l/message/19%3Ageneral%40thread.tacv2/1741165260000',
        },
      ],
    });
  });

  it('counts a step rejected at its checkpoint as skipped', () => {
    const card = result(taskIn(summaryMail(), 'cancelled'));
    expect(textsOf(card)[2]).toBe('Task T0001 · 2 steps done, 1 skipped');
    expect(itemsOf(card)[2]).toEqual({ texts: ['⤼ Rejected: Send an email to meganb@example.com'], links: [] });
  });

  it('links a plain http url', () => {
    const task = withOutput(taskIn(meeting(), 'completed'), 's2', {
      webLink: 'http://intranet.example.com/calendar/AAMkAD-event-1',
    });
    expect(itemsOf(result(task))[1]?.links).toEqual([
      { type: 'Action.OpenUrl', title: 'Open', url: 'http://intranet.example.com/calendar/AAMkAD-event-1' },
    ]);
  });

  it.each([
    'javascript:alert(document.cookie)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    '//evil.example.com/x',
    'ms-teams:/l/chat',
    '',
  ])('does not link %j, but still shows the id', (url) => {
    const task = withOutput(taskIn(channelPost(), 'completed'), 's3', { webUrl: url });
    expect(itemsOf(result(task))[2]).toEqual({
      texts: ['✅ Post in Mark 8 Project Team › General', 'id 1741165260000'],
      links: [],
    });
  });

  it('shows no answer when every read went on to a later step (the summary was mailed or posted, the time booked)', () => {
    for (const journey of [summaryMail(), meeting(), channelPost(), summaryMail(true), channelPost(true)]) {
      expect({
        name: journey.name,
        answers: elementsOf(result(taskIn(journey, 'completed')), 'RichTextBlock'),
      }).toEqual({ name: journey.name, answers: [] });
    }
  });

  it('does not show a summary whose send was rejected: it was meant for the mail, not for this card', () => {
    expect(elementsOf(result(taskIn(summaryMail(), 'cancelled')), 'RichTextBlock')).toEqual([]);
  });

  it('shows the answer of a read that no later step uses, under its step, and keeps the write as it was', () => {
    const task = taskIn(meeting(), 'completed');
    stepOf(task, 's2').input = {
      ...stepOf(task, 's2').input,
      start: '2025-04-08T09:00:00Z',
      end: '2025-04-08T09:30:00Z',
    };
    const card = result(task);
    expect(
      elementsOf(card, 'RichTextBlock').map((b) => (b.inlines as Array<{ text: string }>).map((r) => r.text).join('')),
    ).toEqual(['• Tue 8 Apr 2025, 09:00–09:30 UTC']);
    expect(itemsOf(card)[1]).toEqual({
      texts: [
        '✅ Create the meeting "Review with Megan Bowen and Alex Wilber" with meganb@example.com and alexw@example.com',
      ],
      links: [
        {
          type: 'Action.OpenUrl',
          title: 'Open',
          url: 'https://outlook.office365.com/owa/?itemid=AAMkAD-event-1&exvsurl=1&path=/calendar/item',
        },
      ],
    });
  });

  it('has one item per step and only http(s) links, for every fixture', () => {
    for (const { name, task } of allFixtures()) {
      const card = result(task);
      expect({ name, items: itemsOf(card).length }).toEqual({ name, items: task.plan.steps.length });
      for (const { action } of actionsIn(card).filter(({ action }) => action.verb !== 'refresh'))
        expect({ name, type: action.type, url: String(action.url) }).toEqual({
          name,
          type: 'Action.OpenUrl',
          url: expect.stringMatching(/^https?:\/\/[^/]/),
        });
    }
  });
});
