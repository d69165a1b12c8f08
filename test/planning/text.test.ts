import { parseChannelName } from '../../src/planning/extract/channel';
import { findDuration } from '../../src/planning/extract/duration';
import { findWhen } from '../../src/planning/extract/when';
import { splitClauses } from '../../src/planning/text/clauses';
import { normaliseOutcome } from '../../src/planning/text/normalise';
import { Phrase } from '../../src/planning/text/phrase';

describe('normaliseOutcome', () => {
  it.each([
    ['<at>Delegate</at> please email Megan a summary', 'email Megan a summary'],
    ['Hey Delegate, could you please set up a call with Megan? Thanks!', 'set up a call with Megan'],
    ['I would like you to book a call with Patti.', 'book a call with Patti'],
    ['I want to set up a meeting with Megan', 'set up a meeting with Megan'],
    ['Post  a \u201csummary\u201d  of Megan\u2019s mail', 'Post a "summary" of Megan\'s mail'],
    ['   ', ''],
  ])('tidies %j', (raw, tidy) => {
    expect(normaliseOutcome(raw)).toBe(tidy);
  });
});

describe('splitClauses', () => {
  it.each([
    ['Summarise my mail and set up a call with Megan', ['Summarise my mail', 'set up a call with Megan']],
    ['Set up a meeting with Megan and Adele tomorrow', ['Set up a meeting with Megan and Adele tomorrow']],
    ['Summarise my mail, then email it to Megan', ['Summarise my mail', 'email it to Megan']],
    ['Summarise my unread mail and messages from Contoso', ['Summarise my unread mail and messages from Contoso']],
    [
      'Email meganb@example.com a summary. Then book a call with Patti',
      ['Email meganb@example.com a summary', 'book a call with Patti'],
    ],
  ])('splits %j', (text, clauses) => {
    expect(splitClauses(text)).toEqual(clauses);
  });
});

describe('Phrase', () => {
  it('reads captures back in their original case and skips masked text', () => {
    const phrase = new Phrase('Email Megan Bowen NOW');
    const hit = phrase.find(/email\s+(megan\s+\w+)/);
    expect(hit?.raw(1)).toBe('Megan Bowen');
    const masked = phrase.mask(12, 17);
    expect(masked.segment(6).text).toBe('Megan');
    expect(masked.find(/bowen/)).toBeUndefined();
  });
});

describe('findDuration and findWhen', () => {
  it('report where they matched so the words can be masked', () => {
    const phrase = new Phrase('book a 45-minute call with Patti on Friday');
    const duration = findDuration(phrase);
    expect(duration).toEqual({ minutes: 45, start: 7, end: 16 });
    const when = findWhen(phrase);
    expect(when).toEqual({ when: { kind: 'weekday', weekday: 5, qualifier: 'plain' }, start: 33, end: 42 });
  });

  it.each([
    ["mail from last week's meeting", { kind: 'lastWeek' }, undefined],
    ['mail since Monday', { kind: 'weekday', weekday: 1, qualifier: 'plain' }, 'since'],
    ['a meeting by next Friday', { kind: 'weekday', weekday: 5, qualifier: 'next' }, 'by'],
    ['on Dec 3rd, 2027', { kind: 'date', month: 12, day: 3, year: 2027 }, undefined],
    ['on 2026-12-03', { kind: 'date', month: 12, day: 3, year: 2026 }, undefined],
    ['in the past two weeks', { kind: 'pastDays', days: 14 }, undefined],
  ])('reads %j', (text, when, modifier) => {
    const hit = findWhen(new Phrase(text));
    expect(hit?.when).toEqual(when);
    expect(hit?.modifier).toBe(modifier);
  });
});

describe('parseChannelName', () => {
  it.each([
    ['the General channel', { channel: 'General' }],
    ['#announcements', { channel: 'announcements' }],
    ['the General channel in My Team', { channel: 'General', team: 'My Team' }],
    ['General in the Sales team', { channel: 'General', team: 'Sales team' }],
    ['Tips on Excel', { channel: 'Tips on Excel' }],
    ['the General channel on Teams', { channel: 'General' }],
    ['this channel', { channel: '', here: true }],
  ])('reads %j', (phrase, name) => {
    expect(parseChannelName(phrase)).toEqual(name);
  });
});
