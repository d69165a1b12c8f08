import { ABILITIES } from '../../src/planning/abilities';
import { planOf, refusalOf } from './playground';

const EXAMPLES = Object.values(ABILITIES).map((ability) => ability.example);

describe('RulePlanner: outcomes it cannot plan', () => {
  it.each([
    ["What's the weather like?"],
    ['Empty my entire mail folder'],
    ['hello'],
    [''],
    ['   '],
    ['<at>Delegate</at>'],
  ])('answers %j with what it can do and three examples from the catalogue', async (outcome) => {
    const result = await planOf(outcome);
    expect(result.kind).toBe('unplannable');
    const message = result.kind === 'unplannable' ? result.message : '';
    expect(message).toContain('Say "help" for everything I can do.');
    expect(EXAMPLES.filter((example) => message.includes(`"${example}"`))).toHaveLength(3);
  });

  it('suggests the closest things it can do, ranked by the words of the request', async () => {
    const message = await refusalOf('Empty my entire mail folder');
    expect(message).toContain('Sorry, I didn\'t understand "Empty my entire mail folder".');
    expect(message).toContain(ABILITIES['mail.move'].example);
    expect(await refusalOf('watch whether Megan goes online')).toContain(ABILITIES['people.presence'].example);
  });

  it("plans the example of every ability it suggests, with that ability's action", async () => {
    for (const [action, ability] of Object.entries(ABILITIES)) {
      const result = await planOf(ability.example);
      expect({
        example: ability.example,
        actions: result.kind === 'plan' ? result.steps.map((s) => s.action) : result,
      }).toEqual({
        example: ability.example,
        actions: expect.arrayContaining([action]),
      });
    }
  });

  it.each([
    ['Email a summary of my unread mail', 'Who should I send the summary to?'],
    ["Email Megan a summary of next week's mail", 'only search mail'],
    ['Email Megan a summary of the launch plan', 'What should the summary for Megan cover?'],
    ['post it to General', 'not sure what "it" refers to'],
    ['Email Megan about the launch', 'What should the email say?'],
    ['Email Megan a summary of mail from Contoso on 30 February', "couldn't make sense of that date"],
  ])('answers %j with a specific question', async (outcome, expected) => {
    expect(await refusalOf(outcome)).toContain(expected);
  });

  it('refuses a pasted essay and an endless guest list without looking anyone up', async () => {
    expect(await refusalOf(`Email Megan a summary of mail from ${'Contoso '.repeat(200)}`)).toContain('too long');
    const guests = Array.from({ length: 30 }, (_, i) => `Guest${i}`).join(', ');
    let lookups = 0;
    const directory = {
      findPeople: async () => (lookups++, []),
      findChannels: async () => [],
    };
    expect(await refusalOf(`Set up a meeting with ${guests} tomorrow`, { directory })).toContain('at most 25');
    expect(lookups).toBe(0);
  });

  it('names the clause it did not understand in a compound request', async () => {
    const message = await refusalOf('Summarise unread mail from Contoso and then delete it');
    expect(message).toContain('I understood "Summarise unread mail from Contoso", but not "delete it".');
    expect(message).toContain('The closest things I can do:');
  });

  it('never throws on odd input', async () => {
    const odd = [
      '@@@',
      'with with with',
      'summary summary',
      'Set up a meeting with , and',
      '1:1',
      'from from mail',
      '\u0000',
      'x'.repeat(5000),
    ];
    for (const outcome of odd) await expect(planOf(outcome)).resolves.toHaveProperty('kind');
  });

  it('falls back to UTC for an unknown time zone instead of failing', async () => {
    const result = await planOf('Set up a meeting with Megan tomorrow', { timeZone: 'Mars/Olympus_Mons' });
    expect(result).toMatchObject({ kind: 'plan' });
    expect(result.kind === 'plan' && result.steps[0]?.input).toMatchObject({
      windowStart: '2026-11-26T00:00:00Z',
      timeZone: 'UTC',
    });
  });
});
