import type { PlanResult, StepDraft } from '../../src/engine/ports';
import { sequenceMatches, slotMatches } from './corpus/match';
import { scoreEntry, summarise } from './corpus/score';
import { LYNNE, MEGAN, THIS_WEEK_MAIL } from './corpus/slots';
import type { CorpusEntry } from './corpus/types';

/** The corpus scorer: a yardstick that can tell right plans from wrong ones. */
const ZONE = 'Europe/London';
const step = (action: string, input: Record<string, unknown>): StepDraft => ({ action, input, rationale: '' });
const plan = (...steps: StepDraft[]): PlanResult => ({ kind: 'plan', title: 't', steps });

const ENTRY: CorpusEntry = {
  id: 'summary-1',
  request: "Write to Lynne with a summary of this week's Fabrikam mail",
  actions: ['mail.search', 'text.summarise', 'mail.send'],
  slots: { 'mail.search.from': 'fabrikam', ...THIS_WEEK_MAIL, 'mail.send.to': [LYNNE] },
  parts: ['Write to Lynne', 'summary', "this week's", 'Fabrikam'],
};
const SEARCH = step('mail.search', { from: 'Fabrikam', since: '2026-11-30T00:00:00Z', until: '2026-12-02T10:00:00Z' });
const SUMMARY = step('text.summarise', { items: { $ref: 's1.messages' } });

describe('corpus scoring', () => {
  it('hits a right plan, a model summary counting as a summary', () => {
    expect(scoreEntry(ENTRY, plan(SEARCH, SUMMARY, step('mail.send', { to: [LYNNE] })), ZONE).hit).toBe(true);
    const composed = step('compose.summarise', { items: { $ref: 's1.messages' } });
    expect(scoreEntry(ENTRY, plan(SEARCH, composed, step('mail.send', { to: ['LynneR@example.com'] })), ZONE).hit).toBe(
      true,
    );
  });

  it('misses a plan that drops the send, and records the drop', () => {
    const outcome = scoreEntry(ENTRY, plan(SEARCH, SUMMARY), ZONE);
    expect(outcome).toMatchObject({ hit: false, miss: { kind: 'actions' }, dropped: ['mail.send'] });
    expect(summarise([outcome]).dropping).toHaveLength(1);
  });

  it('misses wrong recipients, extra recipients and a wrong range', () => {
    expect(scoreEntry(ENTRY, plan(SEARCH, SUMMARY, step('mail.send', { to: [MEGAN] })), ZONE).miss?.kind).toBe('slots');
    expect(scoreEntry(ENTRY, plan(SEARCH, SUMMARY, step('mail.send', { to: [LYNNE, MEGAN] })), ZONE).hit).toBe(false);
    const lastWeek = step('mail.search', { from: 'Fabrikam', since: '2026-11-23T00:00:00Z' });
    expect(scoreEntry(ENTRY, plan(lastWeek, SUMMARY, step('mail.send', { to: [LYNNE] })), ZONE).miss?.detail).toContain(
      'mail.search.since',
    );
  });

  it('counts a question as a miss (naming the part it asks about) unless the entry expects one', () => {
    const question: PlanResult = { kind: 'question', question: 'Which Lynne do you mean?' };
    expect(scoreEntry(ENTRY, question, ZONE)).toMatchObject({ hit: false, dropped: [], miss: { kind: 'asked' } });
    expect(scoreEntry(ENTRY, question, ZONE).miss?.detail).toContain('"Write to Lynne"');
    const asking: CorpusEntry = {
      id: 'ask-1',
      request: 'Set up a call with him',
      actions: [],
      asks: ['who'],
      parts: ['him'],
    };
    expect(scoreEntry(asking, { kind: 'question', question: 'Who should I invite?' }, ZONE).hit).toBe(true);
    expect(scoreEntry(asking, { kind: 'question', question: 'When?' }, ZONE).hit).toBe(false);
    expect(scoreEntry(asking, plan(step('calendar.createEvent', {})), ZONE).miss?.kind).toBe('planned');
  });

  it('reads instants in their zone and wall-clock times in the step zone', () => {
    expect(slotMatches({ $at: '2026-12-04T12:00' }, '2026-12-04T12:00:00Z', ZONE, ZONE)).toBe(true);
    expect(slotMatches({ $at: '2026-12-04T12:00' }, '2026-12-04T07:00:00-05:00', ZONE, ZONE)).toBe(true);
    expect(slotMatches({ $at: '2026-12-04T12:00' }, '2026-12-04T12:00:00', ZONE, 'America/New_York')).toBe(false);
    expect(
      slotMatches(
        { $at: '2026-12-04T12:00' },
        { dateTime: '2026-12-04T13:00:00', timeZone: 'Europe/Berlin' },
        ZONE,
        ZONE,
      ),
    ).toBe(true);
    expect(
      slotMatches({ $between: ['2026-12-04T00:00', '2026-12-04T23:59'] }, '2026-12-05T00:00:00Z', ZONE, ZONE),
    ).toBe(false);
    expect(slotMatches({ $at: '2026-12-04T12:00' }, { $ref: 's1.suggestions.0.start' }, ZONE, ZONE)).toBe(false);
  });

  it('matches text by containment and addresses exactly', () => {
    expect(slotMatches('lunch', 'Lunch with Adele', ZONE, ZONE)).toBe(true);
    expect(slotMatches('lunch', 'Meeting with Adele Vance', ZONE, ZONE)).toBe(false);
    expect(slotMatches(MEGAN, 'meganb@example.com.evil', ZONE, ZONE)).toBe(false);
    expect(slotMatches({ $absent: true }, undefined, ZONE, ZONE)).toBe(true);
  });

  it('lets optional steps be left out, in order only', () => {
    const booking = ['calendar.findMeetingTimes?', 'calendar.createEvent'];
    expect(sequenceMatches(booking, ['calendar.createEvent'])).toBe(true);
    expect(sequenceMatches(booking, ['calendar.findMeetingTimes', 'calendar.createEvent'])).toBe(true);
    expect(sequenceMatches(booking, ['calendar.createEvent', 'calendar.findMeetingTimes'])).toBe(false);
    expect(sequenceMatches(['mail.search', 'mail.reply'], ['mail.search', 'mail.reply', 'mail.send'])).toBe(false);
  });
});
