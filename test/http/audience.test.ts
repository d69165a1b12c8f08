import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PersonalChat } from './activities';
import { button, startApp, type RunningApp } from './app-harness';
import { planFor } from './flow-helpers';

const POLICY = `version: 1
rules:
  - id: big-channel
    message: "This channel reaches more than 5 people."
    when: { channelMembersMoreThan: 5 }
    require: { checkpoint: true, quorum: 2 }
approvers:
  default:
    approvers: ["4a8d1e6c-2f7b-4c3a-8e5d-9b0f1a2c3d52"]
`;

describe("HTTP: the policy's audience rule counts the channel's members in Microsoft 365", () => {
  let run: RunningApp;
  let dir = '';
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'delegate-audience-'));
    writeFileSync(path.join(dir, 'policy.yaml'), POLICY);
    run = await startApp({ POLICY_FILE: path.join(dir, 'policy.yaml') });
  });
  afterAll(async () => {
    await run?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gates a post to a 6-person channel with the rule that fired, and leaves a mail alone', async () => {
    const chat = new PersonalChat(run.connector.url);
    const plan = await planFor(run, chat, "Post a summary of this week's mail from Contoso to the General channel");
    const task = await run.app.engine.getTask(String(button(plan.card, 'Approve').data.taskId));
    const post = task.plan.steps.find((s) => s.action === 'teams.postChannelMessage');
    expect(post).toMatchObject({ gate: 'checkpoint', quorum: 2 });
    expect(post?.gateReasons?.map((r) => r.rule)).toContain('big-channel');
    const mailPlan = await planFor(run, chat, 'Email Megan a summary of my unread mail from Contoso');
    const mail = (await run.app.engine.getTask(String(button(mailPlan.card, 'Approve').data.taskId))).plan.steps.find(
      (s) => s.action === 'mail.send',
    );
    expect(mail?.gateReasons?.map((r) => r.rule) ?? []).not.toContain('big-channel');
    expect(mail?.quorum).toBeUndefined();
  });
});
