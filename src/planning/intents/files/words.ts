import type { StepDraft } from '../../../engine/ports';
import { MAIL_NOUN } from '../../extract/mail-filter';

/** Words that name a document, so "find the Q3 planning workbook" is about files. */
export const DOC_NOUN =
  /\b(?:files?|documents?|docs?|docx|spreadsheets?|workbooks?|excel|xlsx|pdfs?|presentations?|decks?|slides|powerpoint|pptx|briefs?|reports?|notes|polic(?:y|ies)|proposals?|checklists?|drafts?|memos?|onedrive|sharepoint)\b|\.(?:docx?|xlsx?|pptx?|pdf|txt|md|csv)\b/i;

/** Words that make a clause someone else's: mail, calendar, chat, tasks, people. */
const OTHER_DOMAIN =
  /\b(?:meetings?(?!\s+(?:notes|minutes))|calendar|events?|appointments?|invites?|channels?|chats?|tasks?|to-?dos?|planner|contacts?|availability|free time|summary|summaries|summari[sz]e|recap|digest)\b/i;

/** True when the clause is about something other than files. */
export function foreign(clause: string): boolean {
  const unquoted = clause.replace(/["“][^"”]*["”]/g, ' ');
  return MAIL_NOUN.test(unquoted.toLowerCase()) || OTHER_DOMAIN.test(unquoted);
}

/** Nouns that say "a file" but are rarely in its name; dropped from searches when other words remain. */
const GENERIC = /\b(?:files?|documents?|docs?|spreadsheets?|excel|word|pdf|presentations?|powerpoint|decks?)\b/gi;
const WHERE = /\s+(?:in|on|from)\s+(?:my\s+|our\s+)?(?:onedrive|one drive|sharepoint|drive|files)\b.*$/i;
const LEADING = /^(?:(?:the|my|our|a|an|this|that|latest|last|current|new)\s+)+/i;

/**
 * What to search for in the words that name a document: a quoted name as is; otherwise the
 * words without articles, "in my OneDrive" and generic nouns ("file", "document").
 */
export function searchText(words: string): string | undefined {
  const quoted = /["“']([^"”']{2,})["”']/.exec(words)?.[1];
  if (quoted) return quoted.trim();
  const base = words
    .replace(/[?.!]+$/, '')
    .replace(WHERE, '')
    .trim()
    .replace(LEADING, '')
    .trim();
  const specific = base.replace(GENERIC, ' ').replace(/\s+/g, ' ').trim();
  const query = specific.length >= 2 ? specific : base;
  return query.length >= 2 && query.length <= 120 ? query : undefined;
}

/** A step of a catalogue action, absent optional fields left out. */
export function step(action: string, input: Record<string, unknown>, rationale: string): StepDraft {
  return { action, input: Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)), rationale };
}

/** The first search hit, for the steps that act on the file found. */
export const firstHit = (field: 'id' | 'name'): { $ref: string } => ({ $ref: `s1.items.0.${field}` });
