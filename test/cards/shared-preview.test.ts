import type { Task } from '../../src/engine/model';
import { checkpointView } from '../../src/teams/views/checkpoint-view';
import { catalogue, renderer, stepOf } from './render';
import { summaryMail, SUMMARY_TEXT } from './journeys';
import { taskIn } from './states';

/** The summary mail at its checkpoint, asked for in a channel. */
function inChannel(sharedPreview?: 'full'): Task {
  const task = taskIn(summaryMail(), 'awaiting_checkpoint');
  return {
    ...task,
    scope: { kind: 'channel', conversationId: '19:general@thread.tacv2', teamId: 't1', channelId: 'c1' },
    ...(sharedPreview ? { sharedPreview } : {}),
  };
}

function text(task: Task, viewer?: string): string {
  return JSON.stringify(renderer.render('checkpoint', checkpointView(task, stepOf(task, 's3'), catalogue, viewer)));
}

const FIRST_LINE = SUMMARY_TEXT.split('\n')[0]!.slice(0, 40);

describe('a checkpoint card shared in a channel', () => {
  it('shows what will happen, not what the mailbox holds', () => {
    const task = inChannel();
    const shared = text(task);
    expect(shared).not.toContain(FIRST_LINE);
    expect(shared).toContain('meganb@example.com');
    expect(shared).toMatch(/Not shown here: \d+ words drawn from Adele Vance's mailbox/);
  });

  it("shows everything in an approver's own view, and nothing more in anyone else's", () => {
    const task = inChannel();
    expect(text(task, task.approvers[0])).toContain(JSON.stringify(FIRST_LINE).slice(1, -1));
    expect(text(task, 'someone-else')).not.toContain(FIRST_LINE);
  });

  it('shows the content when policy lets this channel see it', () => {
    expect(text(inChannel('full'))).toContain(JSON.stringify(FIRST_LINE).slice(1, -1));
  });

  it('is not changed in a personal chat', () => {
    expect(text(taskIn(summaryMail(), 'awaiting_checkpoint'))).toContain(JSON.stringify(FIRST_LINE).slice(1, -1));
  });
});
