import type { PreviewField } from '../../engine/catalogue';
import { display } from '../common/display';
import { MAX_SOURCES } from './sources';

/** "5 messages", "the 25 most recent of 40 messages", or "the messages (from step 1)" before resolution. */
export function messagesPhrase(items: unknown): string {
  if (!Array.isArray(items)) return `the messages ${display(items)}`;
  if (items.length > MAX_SOURCES) return `the ${MAX_SOURCES} most recent of ${items.length} messages`;
  return `${items.length} message${items.length === 1 ? '' : 's'}`;
}

/** What a compose step reads, and that it goes to the AI model (people should know). */
export function sourcesRead(items: unknown): string {
  return `sender, date, subject and preview of ${messagesPhrase(items)}, given to the AI model as data`;
}

/** {@link sourcesRead} as a sentence. */
export function readsLine(items: unknown): string {
  const text = sourcesRead(items);
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

/** The "Messages" field: a count, or where the messages come from. */
export function messagesField(items: unknown): PreviewField {
  return { label: 'Messages', value: Array.isArray(items) ? String(items.length) : display(items) };
}

/** A field only when the input has a value for it. */
export function optionalField(label: string, value: unknown): PreviewField[] {
  return value === undefined || value === '' ? [] : [{ label, value: display(value) }];
}
