import { entryOf, listOf, type AnswerEntry } from './result-entries';
import { count, linesOf, oneLine } from './result-text';

/**
 * What a read or compose step found, shown on the result card under the step: a heading (the
 * subject or file name), the text (a summary, a file's text, a mail's body), and the list it
 * returned (events, messages, files, tasks, people), each clipped. Every string here may come
 * from Microsoft 365 and is shown literally (see result-text.ts); only `url`s are links, and
 * only when they are https addresses Graph gave in `webUrl`/`webLink`.
 */
export interface AnswerView {
  readonly heading: string;
  /** The text, a line each; `spacing` opens a new paragraph after a blank line. */
  readonly paragraphs: readonly { readonly text: string; readonly spacing: 'None' | 'Small' | 'Medium' }[];
  readonly entries: readonly AnswerEntry[];
  /** What was left out ("Showing the first 1,500 of 9,210 characters."), or ''. */
  readonly note: string;
}

/** Characters of text before it is clipped: a screenful, well inside a card's size limit. */
export const TEXT_LIMIT = 1500;
/** Lines of text shown, so that a list-like file cannot make the card endless. */
export const LINE_LIMIT = 30;
/** Items of a list shown; the rest are counted. */
export const ENTRY_LIMIT = 10;
const HEADING_LIMIT = 160;

/** Fields holding the step's text, in order: the first that is not empty is shown. */
const TEXT_FIELDS = ['summary', 'text', 'body', 'answer'] as const;

const str = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/**
 * The answer in an output, or `undefined` when it holds nothing to show. A non-empty list is
 * the answer when there is one: the text next to it (an action's `answer` sentence, a compose
 * step's bullet `summary`) only names its items again, and the list shows them better, with
 * times and links. Otherwise the text is shown.
 */
export function answerOf(output: Record<string, unknown>): AnswerView | undefined {
  const list = listOf(output);
  const listed = list !== undefined && list.items.length > 0;
  const body = listed ? '' : (TEXT_FIELDS.map((field) => str(output[field])).find((value) => value !== '') ?? '');
  const heading = oneLine(str(output.subject) || str(output.name), HEADING_LIMIT);
  const { lines, clipped } = linesOf(body, TEXT_LIMIT, LINE_LIMIT);
  const entries = (list?.items ?? []).slice(0, ENTRY_LIMIT).map(entryOf);
  const notes: string[] = [];
  if (clipped) notes.push(`Shortened: the whole text is ${count(body.length)} characters long.`);
  if (list && list.items.length > ENTRY_LIMIT) notes.push(`And ${count(list.items.length - ENTRY_LIMIT)} more.`);
  if (output.truncated === true) notes.push('Delegate read only part of it.');
  if (list && list.items.length === 0 && lines.length === 0) notes.push('Nothing found.');
  if (heading === '' && lines.length === 0 && entries.length === 0 && notes.length === 0) return undefined;
  return {
    heading,
    paragraphs: lines.map((line, i) => ({
      text: line.text,
      spacing: i === 0 ? 'Small' : line.gap ? 'Medium' : 'None',
    })),
    entries,
    note: notes.join(' '),
  };
}
