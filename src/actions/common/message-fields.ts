import type { EditableField } from '../../engine/catalogue';

/** The Edit form of anything that is an email: recipients, subject and body. */
export const MESSAGE_FIELDS: readonly EditableField[] = [
  { name: 'to', label: 'To', kind: 'list' },
  { name: 'cc', label: 'Cc', kind: 'list' },
  { name: 'subject', label: 'Subject', kind: 'text' },
  { name: 'body', label: 'Message', kind: 'multiline' },
];
