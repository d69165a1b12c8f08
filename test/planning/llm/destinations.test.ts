import type { Scope } from '../../../src/engine/model';
import { GENERAL } from '../playground';
import { requestFor, sendTo, setup, stepsOf } from './harness';

const postTo = (teamId: string, channelId: string, channelName = 'General'): object => ({
  kind: 'plan',
  title: 'Post an update',
  steps: [
    {
      action: 'teams.postChannelMessage',
      input: { teamId, channelId, channelName, teamName: 'My Team', text: 'Launch is on track.' },
      rationale: 'Post it.',
    },
  ],
});

describe('LlmPlanner: recipients and channels must trace to the request', () => {
  it('repairs a recipient nobody named, naming it', async () => {
    const { llm, planner } = setup([sendTo(['meganb@example.com', 'ceo@contoso.com']), sendTo(['meganb@example.com'])]);
    const result = await planner.plan(requestFor('Email Megan Bowen to say the launch is on track'));
    expect(stepsOf(result)[0]?.input.to).toEqual(['meganb@example.com']);
    expect(llm.requests).toHaveLength(2);
    expect(llm.last(2)).toContain(
      's1: ceo@contoso.com is not an address the requester gave or one of the directory candidates',
    );
    expect(llm.last(2)).not.toContain('meganb@example.com');
    expect(result.usage?.calls).toBe(2);
  });

  it('refuses when the model insists, saying which address was wrong', async () => {
    const { llm, planner } = setup([
      sendTo(['ceo@contoso.com']),
      sendTo(['meganb@example.com'], { cc: ['ceo@contoso.com'] }),
    ]);
    const result = await planner.plan(requestFor('Email Megan Bowen to say the launch is on track'));
    expect(result.kind).toBe('unplannable');
    expect(result.kind === 'unplannable' && result.message).toContain(
      'step 1: ceo@contoso.com is not an address you gave or someone I found in your directory',
    );
    expect(llm.requests).toHaveLength(2);
  });

  it('checks attendees of meetings too', async () => {
    const meeting = {
      kind: 'plan',
      title: 'Launch review',
      steps: [
        {
          action: 'calendar.createEvent',
          input: {
            subject: 'Launch review',
            attendees: ['adelev@example.com', 'spy@evil.test'],
            start: '2026-11-30T17:00:00Z',
            end: '2026-11-30T17:30:00Z',
            timeZone: 'UTC',
          },
          rationale: 'Book it.',
        },
      ],
    };
    const { llm, planner } = setup([meeting, meeting]);
    expect((await planner.plan(requestFor('Book a launch review with Adele on Monday at 5pm UTC'))).kind).toBe(
      'unplannable',
    );
    expect(llm.last(2)).toContain('s1: spy@evil.test is not an address');
  });

  it('accepts an address the requester typed, whatever its case', async () => {
    const { llm, planner } = setup([sendTo(['partner@fabrikam.com'])]);
    expect((await planner.plan(requestFor('Email Partner@Fabrikam.com to say hello'))).kind).toBe('plan');
    expect(llm.requests).toHaveLength(1);
  });

  it('accepts the requester\'s own address for "me"', async () => {
    const { llm, planner } = setup([sendTo(['alexw@example.com'])]);
    expect((await planner.plan(requestFor('Email me a reminder to review the launch plan'))).kind).toBe('plan');
    expect(llm.requests).toHaveLength(1);
  });

  it('accepts a directory candidate found from a lower-case first name', async () => {
    const { llm, planner } = setup([sendTo(['pattif@example.com'])]);
    expect((await planner.plan(requestFor('email patti to say hello'))).kind).toBe('plan');
    expect(llm.system()).toContain('"Patti Fernandez" <pattif@example.com>');
  });

  it('does not accept a directory person the request did not mention', async () => {
    const { llm, planner } = setup([sendTo(['lynner@example.com']), sendTo(['lynner@example.com'])]);
    expect((await planner.plan(requestFor('Email Megan Bowen to say hello'))).kind).toBe('unplannable');
    expect(llm.system()).not.toContain('lynner@example.com');
    expect(llm.last(2)).toContain('s1: lynner@example.com is not an address');
  });

  it('accepts a listed channel, and repairs an invented one', async () => {
    const listed = setup([postTo(GENERAL.teamId, GENERAL.channelId)]);
    expect((await listed.planner.plan(requestFor('Post "Launch is on track" to the General channel'))).kind).toBe(
      'plan',
    );
    expect(listed.llm.requests).toHaveLength(1);

    const invented = setup([postTo('team-9', 'chan-secret'), postTo(GENERAL.teamId, GENERAL.channelId)]);
    expect((await invented.planner.plan(requestFor('Post "Launch is on track" to the General channel'))).kind).toBe(
      'plan',
    );
    expect(invented.llm.last(2)).toContain('s1: the channel team-9/chan-secret is not one the requester can post to');
  });

  it('accepts the channel the conversation is in', async () => {
    const here: Scope = { kind: 'channel', conversationId: 'c-here', teamId: 'team-2', channelId: 'chan-here' };
    const { llm, planner } = setup([postTo('team-2', 'chan-here', 'Here')]);
    expect((await planner.plan(requestFor('Post "Launch is on track" here', { scope: here }))).kind).toBe('plan');
    expect(llm.requests).toHaveLength(1);
  });

  it('leaves references in recipient fields to the run-time guards and the checkpoint', async () => {
    const reply = {
      kind: 'plan',
      title: 'Reply to Contoso',
      steps: [
        { action: 'mail.search', input: { from: 'Contoso', top: 1 }, rationale: 'Find the latest mail from Contoso.' },
        {
          action: 'mail.send',
          input: { to: [{ $ref: 's1.messages.0.from.address' }], subject: 'Thanks', body: 'Thanks, received.' },
          rationale: 'Reply.',
        },
      ],
    };
    const { llm, planner } = setup([reply]);
    expect(stepsOf(await planner.plan(requestFor('Thank the sender of the latest mail from Contoso')))).toHaveLength(2);
    expect(llm.requests).toHaveLength(1);
  });
});
