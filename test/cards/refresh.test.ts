import type { AdaptiveCard } from '../../src/teams/cards';
import { VERB_SCHEMAS } from '../../src/teams/verbs';
import { checkpointView } from '../../src/teams/views/checkpoint-view';
import { taskView } from '../../src/teams/views/task-view';
import { channelPost } from './journeys';
import { allFixtures, cardsFor, catalogue, hundredApprovers, renderer, stepOf } from './render';
import { taskIn } from './states';

/**
 * Universal Actions: task and checkpoint cards name the users who get a live, per-user view
 * (`refresh.userIds`, at most 60 in Teams) and the refresh action that produces it.
 */
interface Refresh {
  action: { type: string; verb: string; data: Record<string, unknown> };
  userIds: string[];
}

function refreshOf(card: AdaptiveCard): Refresh {
  return card.refresh as Refresh;
}

describe.each(allFixtures().map((f) => [f.name, f] as const))('refresh on the cards of %s', (_, { task }) => {
  const live = cardsFor(task).filter((c) => c.template === 'task' || c.template === 'checkpoint');

  it('names at most 60 distinct users, the owner among them, and refreshes with the refresh verb', () => {
    expect(live.length).toBe(1 + task.plan.steps.length);
    for (const { label, card } of live) {
      const refresh = refreshOf(card);
      expect({ label, present: refresh !== undefined }).toEqual({ label, present: true });
      expect(refresh.userIds.length).toBeLessThanOrEqual(60);
      expect(new Set(refresh.userIds).size).toBe(refresh.userIds.length);
      expect(refresh.userIds).toContain(task.owner);
      expect({ label, type: refresh.action.type, verb: refresh.action.verb }).toEqual({
        label,
        type: 'Action.Execute',
        verb: 'refresh',
      });
      expect(VERB_SCHEMAS.refresh.safeParse(refresh.action.data).success).toBe(true);
      expect(refresh.action.data.planVersion).toBe(task.plan.version);
    }
  });

  it('is absent from forms and from result cards, which a refresh would replace mid-edit', () => {
    for (const { label, card, template } of cardsFor(task)) {
      if (template === 'task' || template === 'checkpoint') continue;
      // Except a shared result card that keeps someone's data back: each person's refresh shows their view.
      if (template === 'result' && JSON.stringify(card).includes('Not shown here')) continue;
      expect({ label, refresh: card.refresh }).toEqual({ label, refresh: undefined });
    }
  });
});

describe('refresh.userIds', () => {
  it('are the owner and the approvers of a channel task', () => {
    const task = taskIn(channelPost(), 'awaiting_checkpoint');
    const card = renderer.render('task', taskView(task, catalogue));
    expect(refreshOf(card).userIds).toEqual(['aad-adele', 'aad-megan', 'aad-patti']);
  });

  it('with 100 approvers, are the first 60 with the owner first', () => {
    const approvers = hundredApprovers();
    const task = taskIn(channelPost(), 'awaiting_checkpoint', { approvers: [...approvers.slice(1), 'aad-adele'] });
    for (const card of [
      renderer.render('task', taskView(task, catalogue)),
      renderer.render('checkpoint', checkpointView(task, stepOf(task, 's3'), catalogue)),
    ]) {
      const { userIds } = refreshOf(card);
      expect(userIds).toHaveLength(60);
      expect(userIds[0]).toBe('aad-adele');
      expect(userIds.slice(1)).toEqual(approvers.slice(1, 60));
    }
  });

  it('tell the refresh which card it came from', () => {
    const task = taskIn(channelPost(), 'awaiting_checkpoint');
    expect(refreshOf(renderer.render('task', taskView(task, catalogue))).action.data).toEqual({
      taskId: task.id,
      planVersion: 3,
      card: 'task',
    });
    expect(
      refreshOf(renderer.render('checkpoint', checkpointView(task, stepOf(task, 's3'), catalogue))).action.data,
    ).toEqual({
      taskId: task.id,
      planVersion: 3,
      stepId: 's3',
      card: 'checkpoint',
    });
  });
});
