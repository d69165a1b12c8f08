import { startFakeOpenAI } from '../support/fake-openai';
import type { ChatBody, FakeOpenAI } from '../support/fake-openai';
import { PersonalChat } from './activities';
import { button, cardText, invokeCard, startApp, type RunningApp } from './app-harness';
import { cardInputs, checkpointCard, click, mailsWithSubject, planFor, resultCard } from './flow-helpers';

/** What the planner asked and what the user said, as the fake model sees it. */
function schemaOf(body: ChatBody): string {
  const format = body.response_format as { json_schema?: { name?: string } } | undefined;
  return format?.json_schema?.name ?? '';
}
function userText(body: ChatBody): string {
  return (body.messages ?? [])
    .filter((m) => m.role === 'user')
    .map((m) => String(m.content))
    .join('\n');
}

const SEND_PLAN = (subject: string, unread: boolean) => ({
  kind: 'plan',
  title: `Email Megan a model-written summary of Contoso mail`,
  steps: [
    { action: 'mail.search', input: { from: 'Contoso', unread }, rationale: 'Find the Contoso mail' },
    {
      action: 'compose.summarise',
      input: { items: { $ref: 's1.messages' }, instructions: 'Focus on decisions needed' },
      rationale: 'Summarise it',
    },
    {
      action: 'mail.send',
      input: { to: ['meganb@example.com'], subject, body: { $ref: 's2.summary' } },
      rationale: 'Send it to Megan',
    },
  ],
});

describe('HTTP: the personal-chat journey with model-made plans (OpenAI-compatible endpoint)', () => {
  let fake: FakeOpenAI;
  let run: RunningApp;
  beforeAll(async () => {
    fake = await startFakeOpenAI();
    fake.script((body) => {
      const schema = schemaOf(body);
      const text = userText(body);
      if (schema === 'compose_summary')
        return { json: { summary: 'Contoso needs a SOC 2 report and wants two days of onboarding.', sourceIds: [] } };
      if (schema !== 'delegate_plan') return { status: 400, error: { message: `unexpected schema ${schema}` } };
      if (text.includes('team lead') && !text.includes('Megan Bowen'))
        return {
          json: { kind: 'question', question: 'Who is the team lead?', options: ['Megan Bowen', 'Adele Vance'] },
        };
      if (text.includes('only unread')) return { json: SEND_PLAN('Unread Contoso mail, summarised', true) };
      return {
        json: SEND_PLAN(
          text.includes('team lead') ? 'For the team lead: Contoso' : 'Contoso, summarised by Delegate',
          false,
        ),
      };
    });
    run = await startApp({ OPENAI_BASE_URL: `${fake.url}/v1`, OPENAI_MODEL: 'fake-model' });
  });
  afterAll(async () => {
    await run?.stop();
    await fake?.close();
  });

  it('plans with one model call, composes with another, and sends the previewed mail once', async () => {
    const chat = new PersonalChat(run.connector.url);
    const before = fake.requests.length;
    const plan = await planFor(run, chat, 'Email Megan a summary of the Contoso mail');
    expect(fake.requests.length - before).toBe(1);
    expect(fake.requests[before]?.path).toBe('/v1/chat/completions');
    expect(cardText(plan.card)).toContain('Summarise');
    expect(cardText(plan.card)).not.toContain('was not named');
    await click(run, chat, plan, 'Approve');
    const checkpoint = await checkpointCard(run, chat);
    expect(cardText(checkpoint.card)).toContain('Contoso needs a SOC 2 report');
    await click(run, chat, checkpoint, 'Approve');
    await resultCard(run, chat);
    expect(fake.requests.length - before).toBe(2);
    const mails = await mailsWithSubject(run, 'meganb@example.com', 'Contoso, summarised by Delegate');
    expect(mails).toHaveLength(1);
    expect(mails[0]?.body.content).toContain('SOC 2');
    // The compose prompt carried the mails only as delimited untrusted data.
    const compose = fake.requests[before + 1]?.body as ChatBody;
    expect(JSON.stringify(compose.messages)).toContain('untrusted-data');
    // status shows what the model cost.
    const taskId = String(button(plan.card, 'Approve').data.taskId);
    const count = run.connector.calls.length;
    await run.post(chat.message(`status ${taskId}`));
    const status = await run.connector.waitFor(() => run.connector.calls.slice(count).find((c) => c.method === 'POST'));
    expect(cardText(status.activity)).toMatch(/Model: [\d,]+ tokens in 2 calls/);
  });

  it('asks a clarifying question on the card, and plans with the answer', async () => {
    const chat = new PersonalChat(run.connector.url);
    const question = await planFor(run, chat, 'Email the team lead a summary of the Contoso mail');
    expect(cardText(question.card)).toContain('Who is the team lead?');
    const answered = await click(run, chat, question, 'Answer', { answer: 'Megan Bowen' });
    expect(cardText(answered)).toContain('plan v2');
    expect(userText(fake.requests.at(-1)?.body as ChatBody)).toContain('Megan Bowen');
    expect(cardText(answered)).toContain('Send an email to Megan Bowen');
    // Megan was named by the user's answer: no warning.
    expect(cardText(answered)).not.toContain('was not named');
    expect(executeTitles(answered)).toEqual(['Approve', 'Edit', 'Reject']);
  });

  it('Reject with a reason revises the plan (a new version to approve)', async () => {
    const chat = new PersonalChat(run.connector.url);
    const plan = await planFor(run, chat, 'Email Megan a summary of the Contoso mail');
    const form = await click(run, chat, plan, 'Reject');
    expect(cardText(form)).toContain('Revise the plan');
    const revised = await click(run, chat, form, 'Revise the plan', { reason: 'only unread mail please' });
    expect(cardText(revised)).toContain('plan v2');
    expect(cardText(revised)).toContain('Search your unread mail from Contoso');
    const lastPlanCall = fake.requests.at(-1)?.body as ChatBody;
    expect(userText(lastPlanCall)).toContain('only unread mail please');
    // The old card is stale now.
    const stale = await click(run, chat, plan, 'Approve');
    expect(cardText(stale)).toContain('plan v2');
    // Rejecting outright from the form still works.
    const again = await click(run, chat, revised, 'Reject');
    const rejected = await click(run, chat, again, 'Reject the plan');
    expect(cardText(rejected)).toContain('Plan rejected');
  });

  it('Edit on the plan card takes free-text instructions and revises the plan', async () => {
    const chat = new PersonalChat(run.connector.url);
    const plan = await planFor(run, chat, 'Email Megan a summary of the Contoso mail');
    const form = await click(run, chat, plan, 'Edit');
    const input = cardInputs(form as unknown as Record<string, unknown>).get('outcome');
    expect(input).toEqual(expect.objectContaining({ id: 'outcome', value: '', label: 'What should change' }));
    const revised = await click(run, chat, form, 'Save', { outcome: 'only unread mail' });
    expect(cardText(revised)).toContain('plan v2');
    expect(cardText(revised)).toContain('Search your unread mail from Contoso');
    // The request itself is unchanged; the instruction went to the model with the previous plan.
    expect(cardText(revised)).toContain('Email Megan a summary of the Contoso mail');
    expect(userText(fake.requests.at(-1)?.body as ChatBody)).toContain('only unread mail');
  });

  it('a model that is down gets a friendly error, not silence', async () => {
    const chat = new PersonalChat(run.connector.url);
    fake.failNext(500, { count: 10 });
    // Planned outside the turn: the "Planning…" card turns into the error, with a reference.
    const reply = await planFor(run, chat, 'Email Megan a summary of the Contoso mail');
    expect(cardText(reply.card)).toContain('The AI model is unavailable right now');
    expect(cardText(reply.card)).toMatch(/\(reference [0-9a-f]{8}\)/);
    expect(executeTitles(reply.card)).not.toContain('Approve');
    fake.reset();
    fake.script(() => ({ json: { kind: 'unplannable', message: 'x' } }));
  });
});

function executeTitles(card: Record<string, unknown>): string[] {
  return ((card.actions ?? []) as { type: string; title: string }[])
    .filter((a) => a.type === 'Action.Execute')
    .map((a) => a.title);
}
void invokeCard;
