import type { StepDraft } from '../../src/engine/ports';
import { planOf, stepsOf } from './playground';

/** Requests as busy people type them, and what each must (and must never) become. */

const actions = (steps: readonly StepDraft[]): string[] => steps.map((step) => step.action);
const inputOf = (steps: readonly StepDraft[], action: string): Record<string, unknown> | undefined =>
  steps.find((step) => step.action === action)?.input;

describe('RulePlanner: everyday phrasings', () => {
  it('reads a reply whose words come after "and tell her", from the sender alone', async () => {
    const steps = await stepsOf('reply to dana and tell her we can do the volume tier from the start');
    expect(actions(steps)).toEqual(['mail.search', 'mail.reply']);
    expect(inputOf(steps, 'mail.search')).toEqual({ from: 'dana', top: 1 });
    expect(inputOf(steps, 'mail.reply')).toMatchObject({ comment: 'we can do the volume tier from the start' });
  });

  it('forwards a mail named by its owner and topic, with the note after "saying"', async () => {
    const steps = await stepsOf("Pass Raj's SSO questions email on to Megan saying FYI");
    expect(inputOf(steps, 'mail.search')).toEqual({ from: 'Raj', query: 'SSO questions', top: 1 });
    expect(inputOf(steps, 'mail.forward')).toMatchObject({ to: ['meganb@example.com'], comment: 'FYI' });
  });

  it('asks which mail rather than deleting all of it', async () => {
    const result = await planOf('Delete all my mail');
    expect(result.kind).not.toBe('plan');
    expect(JSON.stringify(result)).toContain('Which mail do you mean?');
  });

  it('answers "when is my next 1:1 with Megan?" by finding it, never by booking one', async () => {
    const steps = await stepsOf('When is my next 1:1 with Megan?');
    expect(actions(steps)).toEqual(['calendar.listEvents']);
    expect(inputOf(steps, 'calendar.listEvents')).toMatchObject({
      subjectContains: '1:1',
      with: ['meganb@example.com'],
    });
  });

  it('invites people to an existing meeting instead of planning a new one', async () => {
    const steps = await stepsOf('Invite Lynne and Patti to the Brand refresh kickoff');
    expect(actions(steps)).toEqual(['calendar.listEvents', 'calendar.updateEvent']);
    expect(inputOf(steps, 'calendar.updateEvent')).toMatchObject({
      addAttendees: ['lynner@example.com', 'pattif@example.com'],
    });
  });

  it('refuses to relay "what it says" from a document rather than sending those words', async () => {
    const result = await planOf('Read the travel policy and tell Isaiah on Teams what it says about hotels');
    expect(result.kind).toBe('unplannable');
    expect(JSON.stringify(result)).toContain("can't yet pick out part of it");
  });

  it('tells the person a file was shared with, in words shown for approval', async () => {
    const steps = await stepsOf('Share the launch checklist with Adele and let her know on Teams');
    expect(actions(steps)).toEqual(['files.search', 'files.share', 'teams.sendChatMessage']);
    expect(inputOf(steps, 'teams.sendChatMessage')).toMatchObject({
      to: 'adelev@example.com',
      text: "I've shared the launch checklist with you.",
    });
  });

  it('sends a summary by Teams chat when asked to "ping" someone with it', async () => {
    const steps = await stepsOf('Ping Megan on Teams with a summary of my unread Contoso mail');
    expect(actions(steps)).toEqual(['mail.search', 'text.summarise', 'teams.sendChatMessage']);
    expect(inputOf(steps, 'teams.sendChatMessage')).toMatchObject({
      to: 'meganb@example.com',
      text: { $ref: 's2.summary' },
    });
  });

  it('keeps the question mark of a chat message, and reads chat shorthand', async () => {
    const steps = await stepsOf('IM Patti: are we still on for 3?');
    expect(inputOf(steps, 'teams.sendChatMessage')).toMatchObject({ text: 'are we still on for 3?' });
  });

  it('binds "her" to the person an earlier request forwarded to', async () => {
    const steps = await stepsOf("Forward Dana's latest email to Megan and set up 30 mins with her on Friday");
    expect(inputOf(steps, 'calendar.findMeetingTimes')).toMatchObject({ attendees: ['meganb@example.com'] });
  });

  it('splits at a comma before a new request, not inside the words to send', async () => {
    expect(
      actions(
        await stepsOf(
          "Summarise this week's Contoso mail, email it to Megan, and set up 30 minutes with her next week",
        ),
      ),
    ).toEqual(['mail.search', 'text.summarise', 'mail.send', 'calendar.findMeetingTimes', 'calendar.createEvent']);
    const note = await stepsOf('email Megan saying sorry, send me the deck when you can');
    expect(inputOf(note, 'mail.send')).toMatchObject({ body: 'sorry, send me the deck when you can' });
  });

  it('keeps a quoted meeting subject verbatim', async () => {
    const steps = await stepsOf("Put a meeting in with Megan called 'Newsletter retro' for Thursday at 11");
    expect(inputOf(steps, 'calendar.createEvent')).toMatchObject({ subject: 'Newsletter retro' });
  });
});
