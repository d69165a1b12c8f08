import type { EditableField, PreviewField } from '../../engine/catalogue';
import { display } from './display';

/** The Edit form of anything that is an email: recipients, subject and body. */
export const MESSAGE_FIELDS: readonly EditableField[] = [
  { name: 'to', label: 'To', kind: 'list' },
  { name: 'cc', label: 'Cc', kind: 'list' },
  { name: 'subject', label: 'Subject', kind: 'text' },
  { name: 'body', label: 'Message', kind: 'multiline' },
];

/** The preview rows of an email: To, Cc (when there is one), Subject and Message. */
export function messagePreview(
  to: readonly string[],
  cc: readonly string[],
  input: Record<string, unknown>,
): PreviewField[] {
  return [
    { label: 'To', value: to.join(', ') },
    ...(cc.length > 0 ? [{ label: 'Cc', value: cc.join(', ') }] : []),
    { label: 'Subject', value: display(input.subject) },
    { label: 'Message', value: display(input.body) },
  ];
}
