import { ALEX, PersonalChat, type TeamsUser } from '../http/activities';
import { button, cardText, startApp, type RunningApp } from '../http/app-harness';
import { planFor, type PostedCard } from '../http/flow-helpers';
import type { Task } from '../../src/engine/model';

/** How a scenario ended, with everything a test needs to assert its side effects. */
export interface ScenarioRun {
  readonly task: Task;
  readonly plan: PostedCard;
  /** Checkpoint cards approved on the way, in order. */
  readonly checkpoints: readonly PostedCard[];
  /** Text of every card posted or updated in the chat, for assertions on what people saw. */
  readonly cardsText: string;
}

export interface ScenarioOptions {
  /** Who asks (default Alex Wilber). */
  readonly as?: TeamsUser;
  /** Give up after this long (default 20 s). */
  readonly timeoutMs?: number;
  /** Checkpoint fields to change before approving: `{ stepIndex: { field: value } }` (an Edit then Save). */
  readonly edits?: Readonly<Record<number, Record<string, unknown>>>;
}

const FINAL = new Set(['completed', 'failed', 'cancelled', 'rejected']);

/**
 * The realistic end-to-end path of one outcome: the outcome is sent as a genuine Teams message
 * to the running server, the rule planner plans it, the plan and every checkpoint are approved
 * with genuine `adaptiveCard/action` invokes, and the worker runs the steps against the sandbox
 * tenant over HTTP. Resolves once the task is final; the test then asserts the side effects.
 */
export async function runScenario(
  run: RunningApp,
  outcome: string,
  options: ScenarioOptions = {},
): Promise<ScenarioRun> {
  const chat = new PersonalChat(run.connector.url, options.as ?? ALEX);
  const plan = await planFor(run, chat, outcome);
  const taskId = String(
    (plan.card.refresh as { action?: { data?: { taskId?: unknown } } } | undefined)?.action?.data?.taskId ?? '',
  );
  // A plan that only reads runs at once (no Approve); any other plan is approved here.
  if (cardText(plan.card).includes('"Approve"')) {
    const approve = button(plan.card, 'Approve');
    await run.post(chat.invoke(approve.verb, approve.data, { replyToId: plan.call.activityId }));
  } else if (taskId === '' || !(await run.app.store.getTask(taskId))) {
    throw new Error(`no plan for "${outcome}": ${cardText(plan.card).slice(0, 600)}`);
  }

  const checkpoints: PostedCard[] = [];
  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  for (;;) {
    const task = await run.app.store.getTask(taskId);
    if (!task) throw new Error(`task ${taskId} vanished`);
    if (FINAL.has(task.status)) {
      const cardsText = run.connector
        .cards()
        .filter((c) => c.call.conversationId === chat.conversationId)
        .map((c) => cardText(c.card))
        .join('\n');
      return { task, plan, checkpoints, cardsText };
    }
    if (task.status === 'awaiting_checkpoint') {
      const posted = run.connector
        .cards()
        .filter(
          (c) =>
            c.call.conversationId === chat.conversationId &&
            c.call.method === 'POST' &&
            cardText(c.card).includes('Checkpoint'),
        );
      const card = posted[checkpoints.length];
      if (card) {
        checkpoints.push(card);
        const edits = options.edits?.[checkpoints.length - 1];
        if (edits) {
          const edit = button(card.card, 'Edit');
          const form = await run.post(chat.invoke(edit.verb, edit.data, { replyToId: card.call.activityId }));
          const formCard = (form.body as { value?: { value?: Record<string, unknown> } }).value?.value ?? {};
          const save = button(formCard, 'Save');
          await run.post(chat.invoke(save.verb, { ...save.data, ...edits }, { replyToId: card.call.activityId }));
        } else {
          const go = button(card.card, 'Approve');
          await run.post(chat.invoke(go.verb, go.data, { replyToId: card.call.activityId }));
        }
        continue;
      }
    }
    if (Date.now() > deadline) throw new Error(`scenario "${outcome}" stuck in ${task.status}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** One running app (bot + sandbox tenant + fake connector) for a scenario file. */
export function useScenarioApp(env: Record<string, string> = {}): () => RunningApp {
  let run: RunningApp | undefined;
  beforeAll(async () => {
    run = await startApp(env);
  });
  afterAll(async () => {
    await run?.stop();
  });
  return () => {
    if (!run) throw new Error('app not started');
    return run;
  };
}
