import { ALEX, MEGAN, PersonalChat } from '../http/activities';
import { ChannelThread } from '../http/channel-activities';
import { makeTask } from '../store/make-task';
import type { Task } from '../../src/engine/model';
import { SANDBOX_DIRECTORY } from '../../src/sandbox';
import { sendSignInNotice, stepAwaitingSignIn, type SignInNoticeOptions } from '../../src/teams/signin/signin-notice';
import { CONNECTION, startSignInRig, type SignInRig } from './signin-harness';

let rig: SignInRig;
let options: SignInNoticeOptions;
beforeAll(async () => {
  rig = await startSignInRig();
  options = {
    connectionName: CONNECTION,
    renderer: rig.renderer,
    catalogue: rig.catalogue,
    teamsIdOf: (id) => rig.tokens.teamsIdOf(id),
  };
});
afterAll(() => rig.stop());

function taskOf(kind: Task['scope']['kind'], conversationId: string): Task {
  return makeTask({
    title: 'Send the Contoso summary',
    requester: { id: ALEX.aadObjectId, name: ALEX.name, upn: ALEX.upn },
    owner: ALEX.aadObjectId,
    approvers: [ALEX.aadObjectId],
    scope: { kind, conversationId, tenantId: SANDBOX_DIRECTORY.tenantId },
    status: 'failed',
  });
}

type Action = { type: string; title: string; url?: string; verb?: string; data?: Record<string, unknown> };
const actionsOf = (card: Record<string, unknown>) => card.actions as Action[];

describe('sendSignInNotice', () => {
  it('posts the sign-in card in a personal task, with an https link made for the requester', async () => {
    const chat = new PersonalChat(rig.services.url, ALEX);
    const message = chat.message('send the Contoso summary to Megan');
    await rig.post(message);
    const task = taskOf('personal', chat.conversationId);
    const step = task.plan.steps[1]!;

    const outcome = await rig.proactive(message, (context) => sendSignInNotice(context, task, step, options));

    expect(outcome).toEqual({ sent: 'here', activityId: expect.any(String) });
    const [posted] = rig.services.cards().filter((c) => c.conversationId === chat.conversationId);
    if (!posted) throw new Error('no card posted in the personal chat');
    const signIn = actionsOf(posted.card).find((a) => a.title === 'Sign in');
    const link = (signIn?.data as { msteams?: { type?: string; value?: string } } | undefined)?.msteams;
    expect(link?.type).toBe('signin');
    expect(new URL(link?.value ?? '').protocol).toBe('https:');
    expect(actionsOf(posted.card).find((a) => a.title === 'Retry')).toEqual(
      expect.objectContaining({ verb: 'retry', data: expect.objectContaining({ taskId: task.id, stepId: step.id }) }),
    );
    expect(JSON.stringify(posted.card)).toContain('Send the Contoso summary');
    const state = rig.services.signInStates.at(-1);
    expect([state?.connectionName, state?.conversation.user?.id, state?.conversation.conversation?.id]).toEqual([
      CONNECTION,
      ALEX.id,
      chat.conversationId,
    ]);
  });

  it('sends it to the requester in a new 1:1 chat for a channel task, never in the channel', async () => {
    const thread = new ChannelThread(rig.services.url);
    const message = thread.message(ALEX, 'post the Contoso summary here');
    await rig.post(message);
    const task = taskOf('channel', thread.channelId);
    const sentBefore = rig.services.sent.length;

    const outcome = await rig.proactive(message, (context) =>
      sendSignInNotice(context, task, task.plan.steps[1]!, options),
    );

    expect(outcome).toEqual({
      sent: 'privately',
      conversationId: expect.stringMatching(/^a:private-/),
      activityId: expect.any(String),
    });
    const created = rig.services.created.at(-1) as { isGroup: boolean; members: { id: string }[]; tenantId: string };
    expect([created.isGroup, created.members.map((m) => m.id), created.tenantId]).toEqual([
      false,
      [ALEX.id],
      SANDBOX_DIRECTORY.tenantId,
    ]);
    const newSent = rig.services.sent.slice(sentBefore);
    expect(newSent.map((s) => s.conversationId)).toEqual([outcome.sent === 'privately' ? outcome.conversationId : '']);
    expect(rig.services.signInStates.at(-1)?.conversation.user?.id).toBe(ALEX.id);
  });

  it('sends nothing in a group task when the requester is unknown, and says so', async () => {
    const thread = new ChannelThread(rig.services.url, 'General');
    // The conversation reference is Megan's, and the requester was never seen by this instance.
    const message = thread.message(MEGAN, 'hello');
    const stranger = makeTask({
      requester: { id: '00000000-0000-0000-0000-0000000000aa', name: 'Someone' },
      scope: { kind: 'groupChat', conversationId: thread.conversationId },
    });
    const sentBefore = rig.services.sent.length;
    const createdBefore = rig.services.created.length;

    const outcome = await rig.proactive(message, (context) =>
      sendSignInNotice(context, stranger, stranger.plan.steps[1]!, options),
    );

    expect(outcome).toEqual({ sent: false, reason: 'requester-unknown' });
    expect([rig.services.sent.length, rig.services.created.length]).toEqual([sentBefore, createdBefore]);
  });

  it('fails loudly, posting nothing, when the token service gives a link that is not https', async () => {
    const chat = new PersonalChat(rig.services.url, ALEX);
    const message = chat.message('hi');
    const task = taskOf('personal', chat.conversationId);
    const sentBefore = rig.services.sent.length;
    rig.services.signInLinkBase = 'http://token.botframework.test';
    try {
      await expect(
        rig.proactive(message, (context) => sendSignInNotice(context, task, task.plan.steps[1]!, options)),
      ).rejects.toThrow('a sign-in link must be https');
    } finally {
      rig.services.signInLinkBase = 'https://token.botframework.test';
    }
    expect(rig.services.sent).toHaveLength(sentBefore);
  });
});

describe('stepAwaitingSignIn', () => {
  it('finds the step that failed for want of a sign-in, and no other', () => {
    const task = taskOf('personal', 'a:conv');
    const [read, send] = task.plan.steps;
    const failed = (code: string) => ({ status: 'failed' as const, error: { code, message: 'm' } });
    const waiting = {
      ...task,
      plan: {
        ...task.plan,
        steps: [
          { ...read!, ...failed('graph_forbidden') },
          { ...send!, ...failed('graph_sign_in_required') },
        ],
      },
    };

    expect([stepAwaitingSignIn(waiting)?.id, stepAwaitingSignIn(task)]).toEqual([send!.id, undefined]);
  });
});
