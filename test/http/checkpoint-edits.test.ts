import { ALEX, MEGAN, PersonalChat } from './activities';
import { button, cardText, executeActions, invokeCard, startApp, type RunningApp } from './app-harness';
import { cardInputs as inputs, checkpointCard, click, mailsWithSubject, planFor, resultCard } from './flow-helpers';

type Element = Record<string, unknown>;

/** What Teams submits with Save: every input's current value, then what the person changed. */
function formValues(card: Element, changes: Record<string, string> = {}): Record<string, string> {
  const values = Object.fromEntries([...inputs(card)].map(([id, input]) => [id, String(input.value ?? '')]));
  return { ...values, ...changes };
}

function problemsOn(card: Element): string[] {
  const texts: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (typeof value !== 'object' || value === null) return;
    const element = value as Element;
    if (element.type === 'TextBlock' && element.color === 'Attention') texts.push(String(element.text));
    Object.values(element).forEach(walk);
  };
  walk(card.body);
  return texts;
}

interface Event {
  subject: string;
  start: { dateTime: string };
  end: { dateTime: string };
}

async function launchEvents(run: RunningApp): Promise<Event[]> {
  const page = await run.graph<{ value: Event[] }>('/users/alexw@example.com/events?$top=500');
  return page.value.filter((e) => e.subject === 'Launch');
}

describe('HTTP: checkpoint edits people can trust', () => {
  let run: RunningApp;
  beforeAll(async () => {
    run = await startApp();
  });
  afterAll(async () => {
    await run?.stop();
  });

  async function meetingCheckpoint(chat: PersonalChat) {
    const plan = await planFor(run, chat, 'Set up a 30 minute meeting with Megan and Adele next week about the launch');
    await click(run, chat, plan, 'Approve');
    return checkpointCard(run, chat);
  }

  it('defect 1: a loose date is refused with the form kept, never guessed or approved; date and time inputs set it exactly', async () => {
    const chat = new PersonalChat(run.connector.url);
    const checkpoint = await meetingCheckpoint(chat);
    const form = await click(run, chat, checkpoint, 'Edit');
    const fields = inputs(form);
    expect(fields.get('start__date')?.type).toBe('Input.Date');
    expect(fields.get('start__time')?.type).toBe('Input.Time');
    expect(fields.get('attendees')?.type).toBe('Input.ChoiceSet');

    // What a person might type into a free-text box: refused, with what they typed kept.
    const loose = await click(run, chat, form, 'Save', {
      ...formValues(form, { subject: 'Launch' }),
      start: 'Tue 8 Dec 14:00',
    });
    expect(cardText(loose)).toContain('Edit');
    expect(problemsOn(loose).join(' ')).toContain('Start: pick a date and a time');
    expect(executeActions(loose).map((a) => a.title)).toEqual(['Save', 'Back']);

    // A start in the past, and a "meeting" of more than a day: each refused on its field.
    const date = String(fields.get('start__date')?.value);
    const past = await click(run, chat, form, 'Save', formValues(form, { start__date: '2020-01-06' }));
    expect(problemsOn(past).join(' ')).toContain('Start: this is in the past.');
    expect(inputs(past).get('start__date')?.value).toBe('2020-01-06');
    const nextDay = new Date(Date.parse(`${date}T00:00:00Z`) + 2 * 86_400_000).toISOString().slice(0, 10);
    const long = await click(run, chat, form, 'Save', formValues(form, { end__date: nextDay }));
    expect(problemsOn(long).join(' ')).toContain('End: a meeting lasts less than a day');
    // Nothing was created, and the checkpoint still waits with its buttons.
    expect(await launchEvents(run)).toHaveLength(0);
    const back = await click(run, chat, form, 'Back');
    expect(executeActions(back).map((a) => a.title)).toContain('Approve');

    // The date and time inputs (in the requester's zone, UTC here) set exactly what is created.
    const saved = await click(
      run,
      chat,
      form,
      'Save',
      formValues(form, { start__date: nextDay, start__time: '14:00', end__date: nextDay, end__time: '14:45' }),
    );
    expect(cardText(saved)).toContain('Approved by Alex Wilber');
    await resultCard(run, chat);
    const [event] = await launchEvents(run);
    expect(event?.start.dateTime.slice(0, 16)).toBe(`${nextDay}T14:00`);
    expect(event?.end.dateTime.slice(0, 16)).toBe(`${nextDay}T14:45`);
  });

  async function replyCheckpoint(chat: PersonalChat) {
    const plan = await planFor(run, chat, "Reply to Patti's latest mail saying thanks, I'll be there");
    await click(run, chat, plan, 'Approve');
    return checkpointCard(run, chat);
  }

  it('defect 2: the reply form offers recipients by name and submits addresses; saving it unchanged sends the reply', async () => {
    const chat = new PersonalChat(run.connector.url);
    const checkpoint = await replyCheckpoint(chat);
    const form = await click(run, chat, checkpoint, 'Edit');
    const to = inputs(form).get('to');
    expect(to?.type).toBe('Input.ChoiceSet');
    expect(to?.value).toBe('pattif@example.com');
    expect(to?.choices).toEqual(
      expect.arrayContaining([{ title: 'Patti Fernandez <pattif@example.com>', value: 'pattif@example.com' }]),
    );
    expect(cardText(form)).not.toContain('\\"address\\"');
    const saved = await click(run, chat, form, 'Save', formValues(form));
    expect(cardText(saved)).toContain('Approved by Alex Wilber');
    await resultCard(run, chat);
    expect(await mailsWithSubject(run, 'pattif@example.com', 'RE: All-hands moved to Thursday')).toHaveLength(1);
  });

  it('defect 2: a bad address comes back on its field with everything typed kept', async () => {
    const chat = new PersonalChat(run.connector.url);
    const checkpoint = await replyCheckpoint(chat);
    const form = await click(run, chat, checkpoint, 'Edit');
    const refused = await click(
      run,
      chat,
      form,
      'Save',
      formValues(form, { to__more: 'megan@', comment: 'Thanks, see you in Bellevue' }),
    );
    expect(problemsOn(refused).join(' ')).toContain('To: "megan@" is not an email address.');
    expect(inputs(refused).get('comment')?.value).toBe('Thanks, see you in Bellevue');
    expect(inputs(refused).get('to__more')?.value).toBe('megan@');
  });

  it('defect 3: an edit that raises warnings approves nothing; Approve then works, and every click is in the audit', async () => {
    const chat = new PersonalChat(run.connector.url);
    const checkpoint = await replyCheckpoint(chat);
    const taskId = String(button(checkpoint.card, 'Approve').data.taskId);
    const form = await click(run, chat, checkpoint, 'Edit');
    const saved = await click(run, chat, form, 'Save', formValues(form, { cc: MEGAN.upn }));
    const text = cardText(saved);
    expect(text).toContain('not named in your request');
    expect(text).not.toContain('Approved so far');
    expect(text).toContain('Nothing is approved yet');
    const approved = await click(run, chat, saved, 'Approve');
    expect(cardText(approved)).toContain('Approved by Alex Wilber');
    await resultCard(run, chat);
    expect(await mailsWithSubject(run, MEGAN.upn, 'RE: All-hands moved to Thursday')).toHaveLength(1);

    // A click that can no longer do anything is still recorded.
    await click(run, chat, saved, 'Approve');
    const decisions = (await run.app.store.listLedger({ taskId, limit: 1000 }))
      .filter((e) => e.type === 'decision' && e.actor === ALEX.aadObjectId)
      .map((e) => e.payload as { verb: string; stale?: boolean });
    expect(decisions.map((d) => `${d.verb}${d.stale ? ' (changed nothing)' : ''}`)).toEqual([
      'approve',
      'edit',
      'approve',
      'approve (changed nothing)',
    ]);
  });

  it('an edit that waits can be reverted: the step is back as planned, and Approve sends that; every click is audited', async () => {
    const chat = new PersonalChat(run.connector.url);
    const subject = 'RE: All-hands moved to Thursday';
    const pattis = (await mailsWithSubject(run, 'pattif@example.com', subject)).length;
    const megans = (await mailsWithSubject(run, MEGAN.upn, subject)).length;
    const checkpoint = await replyCheckpoint(chat);
    const taskId = String(button(checkpoint.card, 'Approve').data.taskId);
    expect(executeActions(checkpoint.card).map((a) => a.title)).not.toContain('Revert the edit');
    const form = await click(run, chat, checkpoint, 'Edit');
    const saved = await click(run, chat, form, 'Save', formValues(form, { cc: MEGAN.upn }));
    expect(cardText(saved)).toContain('or Revert the edit to go back to the step as it was');
    expect(executeActions(saved).map((a) => a.title)).toEqual(
      expect.arrayContaining(['Approve', 'Revert the edit', 'Edit', 'Reject']),
    );
    const reverted = await click(run, chat, saved, 'Revert the edit');
    expect(cardText(reverted)).not.toContain(MEGAN.upn);
    expect(cardText(reverted)).not.toContain('not named in your request');
    expect(executeActions(reverted).map((a) => a.title)).not.toContain('Revert the edit');
    // A second Revert from the stale card changes nothing, says why, and is on the ledger too.
    const again = await click(run, chat, saved, 'Revert the edit');
    expect(cardText(again)).toContain('This step has no edit to take back.');
    await click(run, chat, reverted, 'Approve');
    await resultCard(run, chat);
    // Sent as planned: to Patti, and not to Megan, whom only the reverted edit added.
    expect(await mailsWithSubject(run, 'pattif@example.com', subject)).toHaveLength(pattis + 1);
    expect(await mailsWithSubject(run, MEGAN.upn, subject)).toHaveLength(megans);
    const decisions = (await run.app.store.listLedger({ taskId, limit: 1000 }))
      .filter((e) => e.type === 'decision' && e.actor === ALEX.aadObjectId)
      .map((e) => e.payload as { verb: string; refused?: string });
    expect(decisions.map((d) => `${d.verb}${d.refused ? ` (refused: ${d.refused})` : ''}`)).toEqual([
      'approve',
      'edit',
      'revert',
      'revert (refused: nothing_to_revert)',
      'approve',
    ]);
  });

  it('defect 4: Reassign is not offered to a requester with no approval to hand on; a forged one keeps the checkpoint', async () => {
    const chat = new PersonalChat(run.connector.url);
    const checkpoint = await replyCheckpoint(chat);
    expect(JSON.stringify(checkpoint.card.actions)).not.toContain('Reassign');
    const approve = button(checkpoint.card, 'Approve');
    const res = await run.post(
      chat.invoke('reassign', { ...approve.data, reassignTo: 'Megan' }, { replyToId: checkpoint.call.activityId }),
    );
    const card = invokeCard(res.body);
    expect(cardText(card)).toContain('Only an approver of this task can hand their approval');
    expect(executeActions(card).map((a) => a.title)).toEqual(['Approve', 'Edit', 'Reject']);
    await click(run, chat, card, 'Approve');
    await resultCard(run, chat);
  });

  it('defect 7: the preview is the exact payload, and the sandbox receives exactly the approved body', async () => {
    const chat = new PersonalChat(run.connector.url);
    const plan = await planFor(run, chat, 'Email Megan a summary of my unread mail from Fabrikam');
    await click(run, chat, plan, 'Approve');
    const checkpoint = await checkpointCard(run, chat);
    const taskId = String(button(checkpoint.card, 'Approve').data.taskId);
    const body = 'Hi Megan,\n\n- one\n- two\n\n<script>alert(1)</script> & <b>*not bold*</b>\n${title}\n';
    const form = await click(run, chat, checkpoint, 'Edit');
    const saved = await click(run, chat, form, 'Save', { body, subject: 'Exact <preview> test' });
    // The card shows the text exactly: as one literal TextRun, line breaks, tags and all.
    const runs: string[] = [];
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) return value.forEach(walk);
      if (typeof value !== 'object' || value === null) return;
      const element = value as Element;
      if (element.type === 'TextRun') runs.push(String(element.text));
      Object.values(element).forEach(walk);
    };
    walk(saved.body);
    expect(runs).toContain(body);
    expect(runs).toContain('Exact <preview> test');
    await resultCard(run, chat);
    const task = await run.app.engine.getTask(taskId);
    const approved = task.plan.steps.find((s) => s.action === 'mail.send')?.resolvedInput?.body;
    expect(approved).toBe(body);
    const [mail] = await mailsWithSubject(run, MEGAN.upn, 'Exact <preview> test');
    expect(Buffer.from(mail?.body.content ?? '').equals(Buffer.from(body))).toBe(true);
  });
});
