import type { Catalogue, StepPreview } from '../../engine/catalogue';
import type { Step, Task } from '../../engine/model';
import { parseRef, refsIn } from '../../engine/refs';
import { mayApprove } from '../../engine/rights';
import type { Viewer } from './describe';

/**
 * Whether this view of a task's card must keep one person's data off it: a card everyone in a
 * group chat or channel sees (or someone there who may not approve) shows what will happen, not
 * what the requester's mailbox, files or chats hold — unless policy let this conversation see it.
 */
export function keepsDataPrivate(task: Task, viewer: Viewer): boolean {
  if (task.scope.kind === 'personal' || task.sharedPreview === 'full') return false;
  return viewer === undefined || !mayApprove(task, viewer);
}

/** Where an earlier step's data came from, in words: "Alex Wilber's mailbox". */
function whereFrom(task: Task, stepIds: ReadonlySet<string>): string {
  const places = new Set(
    task.plan.steps
      .filter((s) => stepIds.has(s.id))
      .map((s) =>
        s.action.startsWith('mail')
          ? 'mailbox'
          : s.action.startsWith('files')
            ? 'files'
            : s.action.startsWith('teams')
              ? 'chats'
              : undefined,
      ),
  );
  const list = [...places].filter((p) => p !== undefined);
  return list.length === 0 ? `${task.requester.name}'s data` : `${task.requester.name}'s ${list.join(' and ')}`;
}

/** The earlier steps whose output this step takes, directly or through a compose step. */
export function upstream(task: Task, step: Step): Set<string> {
  const found = new Set<string>();
  const visit = (s: Step): void => {
    for (const ref of refsIn(s.input)) {
      const id = parseRef(ref)?.stepId;
      const from = task.plan.steps.find((x) => x.id === id);
      if (!id || !from || found.has(id)) continue;
      found.add(id);
      visit(from);
    }
  };
  visit(step);
  return found;
}

function words(text: string): number {
  return text.split(/\s+/).filter((w) => w !== '').length;
}

/**
 * The step's preview with every content field that was drawn from another step's output (a
 * summary of someone's mail, a file's text) replaced by what it is: its size and where it came
 * from. Recipients, destinations and what the requester typed themselves stay.
 */
export function sharedPreviewOf(
  task: Task,
  step: Step,
  catalogue: Catalogue,
): { preview: StepPreview; hidden: boolean; source: string } {
  const spec = catalogue.get(step.action);
  const input = step.resolvedInput ?? step.input;
  if (!spec) return { preview: { title: step.action, target: '', reads: '', fields: [] }, hidden: false, source: '' };
  const from = upstream(task, step);
  const source = from.size > 0 ? whereFrom(task, from) : '';
  const drawn = (spec.contentFields ?? []).filter((field) => refsIn(step.input[field]).length > 0);
  if (drawn.length === 0) return { preview: spec.describe(input), hidden: false, source };
  const redacted: Record<string, unknown> = { ...input };
  for (const field of drawn) {
    const value = input[field];
    const size = typeof value === 'string' ? `${words(value)} words` : 'content';
    redacted[field] =
      `(Not shown here: ${size} drawn from ${source}. Approvers see it in their own view of this card.)`;
  }
  return { preview: spec.describe(redacted), hidden: true, source };
}
