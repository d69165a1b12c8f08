import type { MailFilter } from './mail-filter';

/**
 * Say which mail a filter selects, for titles, subjects and card text:
 * "this week's unread mail from Contoso about the budget", "the 10 latest messages from Fabrikam".
 */
export function describeMail(filter: MailFilter): string {
  const head =
    filter.top !== undefined
      ? [
          filter.top === 1 ? 'the latest' : `the ${filter.top} latest`,
          filter.unread ? 'unread' : '',
          filter.top === 1 ? 'message' : 'messages',
        ]
      : [filter.range?.possessive ?? '', filter.unread ? 'unread' : '', 'mail'];
  const parts = [
    ...head,
    filter.from ? `from ${filter.from}` : '',
    filter.topic ? `about ${filter.topic}` : '',
    filter.subject ? `with subject "${filter.subject}"` : '',
    filter.top !== undefined && filter.range?.possessive ? `from ${filter.range.possessive.replace(/'s$/, '')}` : '',
    filter.range?.suffix ?? '',
  ];
  return parts.filter((part) => part.length > 0).join(' ');
}

/** Upper-case the first letter only (keeps "Q3", "iPhone" as typed elsewhere). */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
