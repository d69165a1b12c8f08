import { SANDBOX_DIRECTORY } from '../../src/sandbox';
import { PersonalChat } from './activities';
import { cardText, startApp, type RunningApp } from './app-harness';
import { cardInputs as inputs, checkpointCard, click, planFor } from './flow-helpers';

type Element = Record<string, unknown>;

const TEAM = SANDBOX_DIRECTORY.team;
const channelOf = (name: string) => TEAM.channels.find((c) => c.displayName === name)!;

/** What Teams submits with Save: every input's current value, then what the person changed. */
function formValues(card: Element, changes: Record<string, string> = {}): Record<string, string> {
  const values = Object.fromEntries([...inputs(card)].map(([id, input]) => [id, String(input.value ?? '')]));
  return { ...values, ...changes };
}

describe('HTTP: folder and channel pickers on Edit forms', () => {
  let run: RunningApp;
  beforeAll(async () => {
    run = await startApp();
  });
  afterAll(async () => {
    await run?.stop();
  });

  it("offers the channels of the requester's teams by name, refuses one not offered, and posts where the person picked", async () => {
    const chat = new PersonalChat(run.connector.url);
    const plan = await planFor(
      run,
      chat,
      'Post a summary of unread mail from Contoso to the General channel in My Team',
    );
    await click(run, chat, plan, 'Approve');
    const checkpoint = await checkpointCard(run, chat);
    const form = await click(run, chat, checkpoint, 'Edit');
    const picker = inputs(form).get('channelId');
    const general = `${TEAM.id}/${channelOf('General').id}`;
    const announcements = `${TEAM.id}/${channelOf('Announcements').id}`;
    expect(picker).toMatchObject({ type: 'Input.ChoiceSet', value: general });
    expect(picker?.choices).toEqual(
      expect.arrayContaining([
        { title: `${TEAM.displayName} › General`, value: general },
        { title: `${TEAM.displayName} › Announcements`, value: announcements },
      ]),
    );

    // A value the picker never offered (a forged card) is refused with the form kept; nothing moves on.
    const forged = await click(run, chat, form, 'Save', formValues(form, { channelId: `${TEAM.id}/19:elsewhere` }));
    expect(cardText(forged)).toContain('Channel: pick one of the channels of your teams.');
    expect(inputs(forged).get('channelId')?.value).toBe(`${TEAM.id}/19:elsewhere`);

    const saved = await click(run, chat, forged, 'Save', formValues(forged, { channelId: announcements }));
    const taskId = /Task ([A-Z0-9]+)/.exec(cardText(saved))?.[1] ?? '';
    const task = await run.app.engine.getTask(taskId);
    const post = task.plan.steps.find((s) => s.action === 'teams.postChannelMessage');
    expect(post?.resolvedInput).toMatchObject({
      teamId: TEAM.id,
      channelId: channelOf('Announcements').id,
      channelName: 'Announcements',
    });
    if (post?.status === 'awaiting_approval') await click(run, chat, saved, 'Approve');
    type Posted = { body: { content: string }; from: { user: { displayName: string } | null } };
    let posted: Posted[] = [];
    for (const deadline = Date.now() + 15_000; posted.length === 0 && Date.now() < deadline;) {
      await new Promise((r) => setTimeout(r, 100));
      const page = await run.graph<{ value: Posted[] }>(
        `/teams/${TEAM.id}/channels/${encodeURIComponent(channelOf('Announcements').id)}/messages?$top=50`,
      );
      // Nobody but the requester's step posts as Alex in Announcements.
      posted = page.value.filter((m) => m.from.user?.displayName === 'Alex Wilber');
    }
    expect(posted).toHaveLength(1);
  });

  it("offers the requester's mail folders by name and submits the folder's id; one not offered is refused", async () => {
    const chat = new PersonalChat(run.connector.url);
    const plan = await planFor(run, chat, 'move the mails from orders@fabrikam.com to Archive');
    await click(run, chat, plan, 'Approve');
    const checkpoint = await checkpointCard(run, chat);
    const form = await click(run, chat, checkpoint, 'Edit');
    const picker = inputs(form).get('folder');
    const folders = (
      await run.graph<{ value: { id: string; displayName: string }[] }>('/users/alexw@example.com/mailFolders?$top=100')
    ).value;
    const archive = folders.find((f) => f.displayName === 'Archive')!;
    expect(picker).toMatchObject({ type: 'Input.ChoiceSet', value: archive.id });
    expect(picker?.choices).toEqual(folders.map((f) => ({ title: f.displayName, value: f.id })));

    const forged = await click(run, chat, form, 'Save', formValues(form, { folder: 'AAMk-someone-elses' }));
    expect(cardText(forged)).toContain('Folder: pick one of your mail folders.');

    // Saved unchanged, the step keeps the folder as planned ("Archive"), not rewritten to its id.
    const saved = await click(run, chat, forged, 'Save', formValues(forged, { folder: archive.id }));
    const taskId = /Task ([A-Z0-9]+)/.exec(cardText(saved))?.[1] ?? '';
    const task = await run.app.engine.getTask(taskId);
    expect(task.plan.steps.find((s) => s.action === 'mail.move')?.resolvedInput?.folder).toBe('Archive');
  });
});
