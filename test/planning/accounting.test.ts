import type { PlanResult } from '../../src/engine/ports';
import { RulePlanner } from '../../src/planning';
import { accountFor } from '../../src/planning/accounting/account';
import { findParts } from '../../src/planning/accounting/parts';
import { NOW, PERSONAL, playgroundDirectory, planOf, REQUESTER } from './playground';

const ref = { instant: NOW, timezone: 'UTC' };
const partsOf = (text: string) => findParts(text, ref).map((part) => `${part.kind}:${part.text}`);

describe('accounting: the parts of a request that carry meaning', () => {
  it('finds the verb, the people, the time and the format', () => {
    expect(partsOf("Write to Lynne with a summary of this week's Fabrikam mail")).toEqual(
      expect.arrayContaining(['verb:Write to', 'person:Lynne', 'person:Fabrikam', 'time:this week']),
    );
    expect(partsOf("Save a summary of this month's mail from Fabrikam as a Word document")).toEqual(
      expect.arrayContaining(['verb:Save', 'format:as a Word document', 'time:this month']),
    );
    expect(partsOf("Reply to Patti's latest mail saying thanks and cc Megan")).toEqual(
      expect.arrayContaining(['verb:Reply', 'person:Patti', 'copy:cc', 'person:Megan']),
    );
    expect(partsOf('Schedule lunch with Adele on Friday at noon')).toEqual(
      expect.arrayContaining(['verb:Schedule', 'person:Adele', 'time:on Friday at noon']),
    );
  });

  it('treats quoted text as content, not parts, and ignores days, apps and acronyms', () => {
    const parts = partsOf('Message Megan on Teams: "Adele says the Q4 deck is ready"');
    expect(parts).toContain('person:Megan');
    expect(parts.some((part) => part.includes('Adele'))).toBe(false);
    expect(parts.filter((part) => part.startsWith('person:'))).toEqual(['person:Megan']);
  });

  it('records which parts each step came from', async () => {
    const planner = new RulePlanner({ directory: playgroundDirectory() });
    const { result, accounting } = await planner.explain({
      outcome: "Write to Lynne with a summary of this week's Fabrikam mail",
      requester: REQUESTER,
      scope: PERSONAL,
      now: NOW,
      timeZone: 'UTC',
    });
    expect(result.kind).toBe('plan');
    const sources = (accounting?.sources ?? []).map((parts) => parts.map((part) => part.text));
    expect(sources[0]).toEqual(expect.arrayContaining(['Fabrikam', 'this week']));
    expect(sources[2]).toEqual(expect.arrayContaining(['Write to', 'Lynne']));
    expect(accounting?.unused).toEqual([]);
  });

  it('reports a part no step uses', async () => {
    const text = 'Set up a meeting with Megan and Adele tomorrow';
    const steps = [
      {
        action: 'calendar.createEvent',
        input: { subject: 'Meeting', attendees: ['meganb@example.com'] },
        rationale: '',
      },
    ];
    const accounting = await accountFor(findParts(text, ref), steps, {
      directory: playgroundDirectory(),
      requester: REQUESTER,
    });
    expect(accounting.unused.map((part) => part.text)).toEqual(['Adele', 'tomorrow']);
  });
});

/** A plan whose steps use every meaningful part, or a question/refusal that names the part. */
async function expectAccounted(outcome: string, part: string): Promise<PlanResult> {
  const result = await planOf(outcome);
  if (result.kind === 'plan') {
    const accounting = await accountFor(findParts(outcome, ref), result.steps, {
      directory: playgroundDirectory(),
      requester: REQUESTER,
    });
    expect(accounting.unused).toEqual([]);
    expect(accounting.sources.flat().some((used) => part.toLowerCase().includes(used.text.toLowerCase()))).toBe(true);
  } else {
    const said = result.kind === 'question' ? result.question : result.message;
    expect(said.toLowerCase()).toContain(part.toLowerCase());
  }
  return result;
}

describe('the invariant: a meaningful part is never silently dropped', () => {
  const bases = [
    "Summarise this week's mail from Contoso",
    "Email Megan a summary of today's mail from Fabrikam",
    'Set up a meeting with Adele next week',
    'Message Isaiah on Teams: the deck is ready',
    'Flag my unread mail from Contoso',
    "Reply to Patti's latest mail saying thanks",
    "Who is Megan's manager",
  ];
  const extras: ReadonlyArray<readonly [string, string]> = [
    [' and cc Lynne', 'cc Lynne'],
    [' and bcc Lynne', 'bcc Lynne'],
    [' as a PDF', 'as a PDF'],
    [' with the attachments', 'with the attachments'],
    [' for Lynne', 'Lynne'],
  ];
  for (const base of bases) {
    for (const [extra, part] of extras) {
      it(`"${base}${extra}" uses "${part}" or says it cannot`, async () => {
        await expectAccounted(`${base}${extra}`, part);
      });
    }
  }

  it('asks rather than plans without a part, and plans once told to go ahead without it', async () => {
    const outcome = 'Email Megan a summary of unread mail from Contoso as a PDF';
    const first = await planOf(outcome);
    expect(first.kind).toBe('question');
    if (first.kind !== 'question') return;
    expect(first.question).toContain('"as a PDF"');
    expect(first.options).toEqual(['Go ahead without "as a PDF"']);
    const planner = new RulePlanner({ directory: playgroundDirectory() });
    const second = await planner.plan({
      outcome,
      requester: REQUESTER,
      scope: PERSONAL,
      now: NOW,
      timeZone: 'UTC',
      clarifications: [{ question: first.question, answer: first.options?.[0] ?? '' }],
    });
    expect(second.kind).toBe('plan');
  });
});
