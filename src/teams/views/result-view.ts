import type { Catalogue } from '../../engine/catalogue';
import type { Step, Task } from '../../engine/model';
import { parseRef, refsIn } from '../../engine/refs';
import { cardUserIds, humanTitle, type Viewer } from './describe';
import { keepsDataPrivate, upstream } from './shared-preview';
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
  readonly planVersion: number;
  /** Some answers were kept off this shared view: a Refresh button shows the requester and approvers theirs. */
  readonly showRefresh: boolean;
  readonly refreshable: boolean;
  readonly userIds: readonly string[];
}

const ID_FIELDS = ['messageId', 'eventId', 'itemId', 'id'] as const;
const NO_ANSWER: AnswerView = { heading: '', paragraphs: [], entries: [], note: '' };

/** The domains whose reads hold one person's data (their mail, calendar, files, chats). */
const PRIVATE_DOMAINS = ['mail', 'calendar', 'files', 'teams', 'tasks'];

/**
 * The result card. In a group chat or a channel, the card everyone sees (and a non-approver's
 * refresh) names what was found and where, never what one person's mailbox, calendar, files or
 * chats hold; the requester and approvers see the answers in their own view (`viewer`), unless
 * policy lets the conversation see them (`sharedCards`).
 */
export function resultView(task: Task, catalogue: Catalogue, viewer?: Viewer): ResultView {
  const private_ = keepsDataPrivate(task, viewer);
  let hidden = false;
  let privateAnswers = false;
  const done = task.plan.steps.filter((s) => s.status === 'succeeded').length;
  const skipped = task.plan.steps.filter((s) => s.status === 'skipped' || s.status === 'rejected').length;
  const used = usedOutputs(task.plan.steps);
  const items = task.plan.steps.map((step): ResultItem => {
    const title = humanTitle(task, step, catalogue);
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
      if (answer && readsPrivateData(task, step)) privateAnswers = true;
      if (answer && private_ && readsPrivateData(task, step)) {
        hidden = true;
        return {
          icon: '✅',
          text: title,
          detail: `Not shown here: what this step found in ${task.requester.name}'s data. ${task.requester.name} and the approvers see it in their own view (Refresh).`,
          url: '',
          ...NO_ANSWER,
        };
      }
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
    // A link opens what was created; its internal id only when there is no link.
    return { icon: '✅', text: title, detail: !url && id ? `id ${id}` : '', url: url ?? '', ...NO_ANSWER };
  });
  return {
    taskId: task.id,
    title: task.title,
    headline: task.status === 'nothing_done' ? 'Nothing done' : 'Done',
    headlineColor: task.status === 'nothing_done' ? 'Default' : 'Good',
    summary: `${done} step${done === 1 ? '' : 's'} done${skipped > 0 ? `, ${skipped} skipped` : ''}`,
    items,
    planVersion: task.plan.version,
    showRefresh: hidden && viewer === undefined,
    // Only a shared card that keeps answers back is refreshed (per person); any other result card stays as it is.
    refreshable: privateAnswers && keepsDataPrivate(task, undefined),
    userIds: cardUserIds(task),
  };
}

/** The step, or a step it was made from (a summary of a search), read someone's mail, calendar, files or chats. */
function readsPrivateData(task: Task, step: Step): boolean {
  const from = upstream(task, step);
  return task.plan.steps
    .filter((s) => s.id === step.id || from.has(s.id))
    .some((s) => PRIVATE_DOMAINS.includes(s.action.split('.')[0] ?? ''));
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
