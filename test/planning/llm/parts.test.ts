import type { Directory, DirectoryActor } from '../../../src/planning/directory';
import { gatherContext, parseAnswer } from '../../../src/planning/llm';
import { addressesIn, lookupsIn, MAX_LOOKUPS } from '../../../src/planning/llm/mentions';
import { couldNotPlan } from '../../../src/planning/llm/wording';
import { playgroundDirectory, REQUESTER } from '../playground';
import { requestFor } from './harness';

describe('mentions', () => {
  it('finds addresses, capitalised words and names after people words, skipping common words', () => {
    expect(
      lookupsIn([
        'Email Megan Bowen a summary of my mail from Contoso on Monday, and email alex; cc Lynne@Example.com',
      ]),
    ).toEqual(['lynne@example.com', 'Megan', 'Bowen', 'Contoso', 'alex']);
  });

  it('strips possessives and ignores pronouns after people words', () => {
    expect(lookupsIn(["Send Patti's notes to me and them"])).toEqual(['Patti']);
  });

  it('takes short answers word by word, long ones like any text', () => {
    expect(lookupsIn([], ['adele and patti']).sort()).toEqual(['adele', 'patti']);
    expect(lookupsIn([], ['the one who works in the finance team on the third floor, I think'])).toEqual([]);
  });

  it('bounds the number of lookups', () => {
    const many = Array.from({ length: 30 }, (_, i) => `Name${String.fromCharCode(97 + (i % 26))}${i}`).join(' ');
    expect(lookupsIn([many])).toHaveLength(MAX_LOOKUPS);
  });

  it('reads addresses once, lower-cased', () => {
    expect(addressesIn('Mail A@B.com and a@b.com, not @foo or bar@')).toEqual(['a@b.com']);
  });
});

describe('gatherContext', () => {
  it('looks up as the requester, dedupes people, finds the requester and lists channels', async () => {
    const inner = playgroundDirectory();
    const actors: DirectoryActor[] = [];
    const queries: string[] = [];
    const directory: Directory = {
      findPeople: (query, actor) => (actors.push(actor), queries.push(query), inner.findPeople(query, actor)),
      findChannels: (query, actor) => (actors.push(actor), queries.push(`#${query}`), inner.findChannels(query, actor)),
    };
    const context = await gatherContext(requestFor('Meet Megan Bowen and meganb@example.com'), directory);
    expect(context.people.map((p) => p.mail)).toEqual(['meganb@example.com']);
    expect(context.self?.mail).toBe('alexw@example.com');
    expect(context.channels.map((c) => c.channelName)).toEqual(['General', 'Announcements']);
    expect(queries.sort()).toEqual(['#', 'Bowen', 'Megan', 'alexw@example.com', 'meganb@example.com'].sort());
    expect(actors.every((a) => a.id === REQUESTER.id && a.upn === REQUESTER.upn)).toBe(true);
  });

  it('lets directory failures propagate', async () => {
    const broken: Directory = {
      findPeople: () => Promise.reject(new Error('directory down')),
      findChannels: async () => [],
    };
    await expect(gatherContext(requestFor('Email Megan'), broken)).rejects.toThrow('directory down');
  });
});

describe('parseAnswer', () => {
  it('reads the three kinds', () => {
    expect(parseAnswer('{"kind":"unplannable","message":" No. "}', 10)).toEqual({
      ok: true,
      answer: { kind: 'unplannable', message: 'No.' },
    });
    expect(
      parseAnswer('{"kind":"question","question":"Who?","options":["A","A"," ","B","C","D","E","F"]}', 10),
    ).toEqual({
      ok: true,
      answer: { kind: 'question', question: 'Who?', options: ['A', 'B', 'C', 'D', 'E'] },
    });
    expect(parseAnswer('{"kind":"plan","title":"T","steps":[{"action":"a","input":{}}]}', 10)).toEqual({
      ok: true,
      answer: { kind: 'plan', title: 'T', steps: [{ action: 'a', input: {}, rationale: '' }] },
    });
  });

  it('names what is wrong', () => {
    expect(parseAnswer('nope', 10)).toEqual({ ok: false, problems: ['the answer is not a JSON object'] });
    expect(parseAnswer('{"kind":"plan","title":"T","steps":[{"action":"a","input":[]}]}', 10)).toMatchObject({
      ok: false,
      problems: [expect.stringMatching(/^steps\.0\.input: /)],
    });
    expect(parseAnswer('{"kind":"plan","title":" ","steps":[]}', 10)).toEqual({
      ok: false,
      problems: ['a plan needs a non-empty "title"', 'a plan needs at least one step'],
    });
    const three = JSON.stringify({
      kind: 'plan',
      title: 'T',
      steps: [1, 2, 3].map(() => ({ action: 'a', input: {}, rationale: '' })),
    });
    expect(parseAnswer(three, 2)).toEqual({ ok: false, problems: ['a plan may have at most 2 steps; this one has 3'] });
  });
});

describe('couldNotPlan', () => {
  it('shows at most three problems, clipped, in plain words', () => {
    const message = couldNotPlan([
      's1: "x" is not a catalogue action',
      's2: to.0: Invalid email address',
      's3: y',
      's4: z',
    ]);
    expect(message).toBe(
      'I couldn\'t make a valid plan for that. What was wrong: step 1: "x" is not something I can do; step 2: to.0: Invalid email address; step 3: y (and 1 more). Try saying it another way, or ask for less at once.',
    );
    expect(couldNotPlan(['s1: ' + 'long '.repeat(100)]).length).toBeLessThan(300);
  });
});
