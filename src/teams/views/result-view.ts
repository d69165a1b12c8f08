import type { Catalogue } from '../../engine/catalogue';
import type { Step, Task } from '../../engine/model';
import { parseRef, refsIn } from '../../engine/refs';
import { previewOf } from './describe';
import { answerOf, type AnswerView } from './result-answer';
import { httpsUrl } from './result-text';

/** One step on the result card; a read or compose step whose output went nowhere else also shows its answer. */
export interface ResultItem extends AnswerView {
  readonly icon: string;
  readonly text: string;
  readonly detail: string;
  readonly url: string;
}

/** The result card: what was done, with links and ids of what was created, and the answers to what was asked. */
export interface ResultView {
  readonly taskId: string;
  readonly title: string;
  /** "Done", or "Nothing done" when every consequential step was skipped or rejected. */
  readonly headline: string;
  readonly headlineColor: 'Good' | 'Default';
  readonly summary: string;
  readonly items: readonly ResultItem[];
}

const ID_FIELDS = ['messageId', 'eventId', 'itemId', 'id'] as const;
const NO_ANSWER: AnswerView = { heading: '', paragraphs: [], entries: [], note: '' };

export function resultView(task: Task, catalogue: Catalogue): ResultView {
  const done = task.plan.steps.filter((s) => s.status === 'succeeded').length;
  const skipped = task.plan.steps.filter((s) => s.status === 'skipped' || s.status === 'rejected').length;
  const used = usedOutputs(task.plan.steps);
  return {
    taskId: task.id,
    title: task.title,
    headline: task.status === 'nothing_done' ? 'Nothing done' : 'Done',
    headlineColor: task.status === 'nothing_done' ? 'Default' : 'Good',
    summary: `${done} step${done === 1 ? '' : 's'} done${skipped > 0 ? `, ${skipped} skipped` : ''}`,
    items: task.plan.steps.map((step) => {
      const title = previewOf(step, catalogue).title;
      if (step.status !== 'succeeded')
        return {
          icon: '⤼',
          text: `${step.status === 'rejected' ? 'Rejected' : 'Skipped'}: ${title}`,
          detail: step.reason ? `Reason: ${step.reason}` : '',
          url: '',
          ...NO_ANSWER,
        };
      const output = (typeof step.output === 'object' && step.output !== null ? step.output : {}) as Record<
        string,
        unknown
      >;
      if (step.risk === 'read' || step.risk === 'compose') {
        // What was read is the point, not its id; and a link from a read goes only to https pages.
        const answer = used.has(step.id) ? undefined : validAnswer(step, output, catalogue);
        return {
          icon: '✅',
          text: title,
          detail: '',
          url: httpsUrl(output.webUrl) || httpsUrl(output.webLink),
          ...(answer ?? NO_ANSWER),
        };
      }
      const id = ID_FIELDS.map((field) => output[field]).find((value): value is string => typeof value === 'string');
      const url = [output.webLink, output.webUrl].find(
        (value): value is string => typeof value === 'string' && /^https?:\/\//.test(value),
      );
      return { icon: '✅', text: title, detail: id ? `id ${id}` : '', url: url ?? '', ...NO_ANSWER };
    }),
  };
}

/**
 * Steps whose output another step of the plan takes as input (a search read by a summary, a
 * summary sent by mail): the plan meant their answer for that step, not for this card.
 */
function usedOutputs(steps: readonly Step[]): Set<string> {
  const used = new Set<string>();
  for (const step of steps) {
    for (const ref of refsIn(step.input)) {
      const source = parseRef(ref)?.stepId;
      if (source !== undefined && source !== step.id) used.add(source);
    }
  }
  return used;
}

/** The answer of an output that fits its action's schema; nothing is shown from an output that does not. */
function validAnswer(step: Step, output: Record<string, unknown>, catalogue: Catalogue): AnswerView | undefined {
  const parsed = catalogue.get(step.action)?.output.safeParse(output);
  if (!parsed?.success || typeof parsed.data !== 'object' || parsed.data === null) return undefined;
  return answerOf(parsed.data as Record<string, unknown>);
}
