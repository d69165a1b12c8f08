import type { Catalogue } from '../../engine/catalogue';
import type { Task } from '../../engine/model';
import { previewOf } from './describe';

/** The result card: what was done, with links and ids of what was created. */
export interface ResultView {
  readonly taskId: string;
  readonly title: string;
  readonly summary: string;
  readonly items: readonly { icon: string; text: string; detail: string; url: string }[];
}

const ID_FIELDS = ['messageId', 'eventId', 'itemId', 'id'] as const;

export function resultView(task: Task, catalogue: Catalogue): ResultView {
  const done = task.plan.steps.filter((s) => s.status === 'succeeded').length;
  const skipped = task.plan.steps.filter((s) => s.status === 'skipped' || s.status === 'rejected').length;
  return {
    taskId: task.id,
    title: task.title,
    summary: `${done} step${done === 1 ? '' : 's'} done${skipped > 0 ? `, ${skipped} skipped` : ''}`,
    items: task.plan.steps.map((step) => {
      const title = previewOf(step, catalogue).title;
      const output = (typeof step.output === 'object' && step.output !== null ? step.output : {}) as Record<string, unknown>;
      if (step.status !== 'succeeded') return { icon: '⤼', text: `Skipped: ${title}`, detail: '', url: '' };
      const id = ID_FIELDS.map((field) => output[field]).find((value): value is string => typeof value === 'string');
      const url = [output.webLink, output.webUrl].find((value): value is string => typeof value === 'string' && /^https?:\/\//.test(value));
      return { icon: '✅', text: title, detail: id ? `id ${id}` : '', url: url ?? '' };
    }),
  };
}
