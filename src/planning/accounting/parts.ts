import type * as Chrono from 'chrono-node';
import { lazy } from '../../lazy';
import { splitClauses } from '../text/clauses';

/** Loaded with the first request, not at start-up (a tenth of a second). */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load; the type comes from the import above
const chrono = lazy(() => require('chrono-node') as typeof Chrono);

/**
 * The parts of a request that carry meaning, found in the words as typed: what to do (the
 * verb that opens each request), who (people named), where (a channel), when, in which format,
 * with attachments, and who is copied. A plan must use every one, or say which it cannot.
 */
export type PartKind = 'verb' | 'person' | 'channel' | 'time' | 'format' | 'attachment' | 'copy';

export interface Part {
  readonly kind: PartKind;
  /** As typed, e.g. "write to", "Lynne", "as a Word document", "on Friday at noon". */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** For a verb: the actions that do it; for a format: the file extension it asks for. */
  readonly actions?: readonly string[];
  readonly extension?: string;
}

const SEND = [
  'mail.send',
  'mail.reply',
  'mail.forward',
  'mail.draft',
  'teams.sendChatMessage',
  'teams.postChannelMessage',
  'teams.replyToMessage',
  'calendar.createEvent',
  'calendar.updateEvent',
  'calendar.cancelEvent',
  'calendar.respond',
  'files.share',
];
const CHAT = ['teams.sendChatMessage', 'teams.postChannelMessage', 'teams.replyToMessage', 'calendar.createEvent'];

/** Verbs that open a request, and the actions any one of which does what the verb says. */
const VERBS: ReadonlyArray<readonly [RegExp, readonly string[]]> = [
  [
    /^(?:reply(?:\s+all)?|respond|write\s+back|get\s+back)\b/,
    ['mail.reply', 'teams.replyToMessage', 'calendar.respond'],
  ],
  // "forward the summary to Adele" sends the summary on.
  [/^(?:forward|fwd|pass\s+on)\b/, ['mail.forward', 'mail.send', 'teams.sendChatMessage']],
  [/^(?:post|announce)\b/, ['teams.postChannelMessage', 'teams.replyToMessage']],
  [/^(?:save|store|export|download)\b/, ['files.create']],
  [/^(?:flag|star|mark)\b/, ['mail.update', 'planner.updateTask']],
  [/^(?:archive|file)\b/, ['mail.move']],
  [/^(?:cancel|call\s+off)\b/, ['calendar.cancelEvent']],
  [/^(?:accept|decline|tentatively\s+accept|rsvp)\b/, ['calendar.respond']],
  [
    /^(?:move|reschedule|push|shift|postpone|bring\s+forward|change)\b/,
    ['calendar.updateEvent', 'mail.move', 'planner.updateTask'],
  ],
  [/^(?:invite)\b/, ['calendar.createEvent', 'calendar.updateEvent']],
  [/^(?:share)\b/, ['files.share', 'teams.postChannelMessage', 'mail.send', 'mail.forward']],
  [
    /^(?:schedule|book|arrange|organi[sz]e|set\s*up|find\s+(?:a\s+|some\s+)?time|meet)\b/,
    ['calendar.createEvent', 'calendar.findMeetingTimes'],
  ],
  [/^(?:ping|chat|dm|im|text|message\s+\S+(?:\s+\S+)?\s+on\s+teams)\b/, CHAT.concat(['mail.send'])],
  [/^(?:e-?mail|mail|write\s+to|drop|shoot|let|tell|notify|inform|send|message|ask|contact|reach\s+out)\b/, SEND],
];

/** Words with a capital that name no one: days, months, apps, and the words requests start with. */
const NOT_NAMES = new Set(
  (
    'i monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun ' +
    'january february march april may june july august september october november december jan feb mar apr ' +
    'jun jul aug sep sept oct nov dec teams microsoft outlook onedrive sharepoint word excel powerpoint pdf ' +
    'planner todo to do delegate ok okay fyi asap eod eow cc bcc re fw fwd utc gmt am pm tbc tbd ' +
    'please can could would will hi hey hello thanks thank cheers and then also the a an my our your'
  ).split(' '),
);

const CAPITALISED = /(?<![\w@.'’])([A-Z][\w-]*(?:['’]s)?)(?![\w@])/g;
const ADDRESS = /[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[a-z]{2,}/gi;
const QUOTED = /"[^"]*"|“[^”]*”|(?<=^|\s)'[^']+'(?=$|[\s.,!?;:])/g;
/** Times that mean the present: every step acts now, so they need no step of their own. */
const PRESENT = /^(?:right\s+)?now$|^at\s+the\s+moment$|^currently$|^today$/i;
const FORMAT =
  /\b(?:as|in|into|to)\s+(?:an?\s+|the\s+)?(?:new\s+)?(word|text|markdown|plain\s+text|pdf|excel|powerpoint|\.?docx|\.?txt|\.?md|\.?pdf|\.?xlsx|\.?pptx)(?:\s+(?:document|doc|file|spreadsheet|deck|presentation))?\b|\b(?:as|in|into)\s+an?\s+(document|doc|spreadsheet|deck|presentation)\b/gi;
const ATTACHMENT =
  /\b(?:with\s+(?:the\s+|its\s+|all\s+)?attachments?|attach(?:ing|ed)?\s+\S+|including\s+(?:the\s+)?attachments?)\b/gi;
const COPY = /\b(?:bcc|cc|copy\s+in|loop\s+\S+(?:\s+\S+)?\s+in|loop\s+in|in\s+the\s+loop|copying)\b/gi;
const CHANNEL = /\b(?:the\s+)?#?([\w-]+(?:\s+[\w-]+)?)\s+channel\b|#([\w-]+)/gi;

function extensionOf(word: string): string {
  const w = word.toLowerCase().replace(/^\./, '');
  if (w === 'word' || w === 'docx' || w === 'document' || w === 'doc') return 'docx';
  if (w === 'markdown' || w === 'md') return 'md';
  if (w === 'text' || w === 'plain text' || w === 'txt') return 'txt';
  if (w === 'excel' || w === 'xlsx' || w === 'spreadsheet') return 'xlsx';
  if (w === 'powerpoint' || w === 'pptx' || w === 'deck' || w === 'presentation') return 'pptx';
  return w;
}

/** Spans [start, end) of quoted text: it is content, carried as a whole, not parts. */
function quotedSpans(text: string): Array<readonly [number, number]> {
  return [...text.matchAll(QUOTED)].map((m) => [m.index, m.index + m[0].length] as const);
}

const inside = (spans: ReadonlyArray<readonly [number, number]>, at: number): boolean =>
  spans.some(([start, end]) => at >= start && at < end);

/** Where each clause starts in `text` (clauses as {@link splitClauses} returns them). */
function clauseStarts(text: string): Array<{ start: number; clause: string }> {
  const out: Array<{ start: number; clause: string }> = [];
  let from = 0;
  for (const clause of splitClauses(text)) {
    const at = text.indexOf(clause, from);
    if (at < 0) continue;
    out.push({ start: at, clause });
    from = at + clause.length;
  }
  return out;
}

/** The meaningful parts of `text` (an outcome after {@link normaliseOutcome}). Pure and cheap. */
export function findParts(text: string, reference: { instant: Date; timezone?: string }): Part[] {
  const parts: Part[] = [];
  const quoted = quotedSpans(text);
  const clauses = clauseStarts(text);
  const sentenceStarts = new Set(clauses.map((c) => c.start));
  for (const { start, clause } of clauses) {
    const lower = clause.toLowerCase();
    const verb = VERBS.find(([pattern]) => pattern.test(lower));
    if (!verb) continue;
    const match = verb[0].exec(lower);
    if (match)
      parts.push({
        kind: 'verb',
        text: clause.slice(0, match[0].length),
        start,
        end: start + match[0].length,
        actions: verb[1],
      });
  }
  for (const m of text.matchAll(ADDRESS)) {
    if (!inside(quoted, m.index))
      parts.push({ kind: 'person', text: m[0], start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(CAPITALISED)) {
    const word = (m[1] ?? '').replace(/['’]s$/, '');
    if (sentenceStarts.has(m.index) || inside(quoted, m.index) || NOT_NAMES.has(word.toLowerCase())) continue;
    if (parts.some((p) => p.kind === 'person' && m.index >= p.start && m.index < p.end)) continue;
    if (/^\d|^[A-Z0-9]{2,}$/.test(word) && word.length <= 4) continue; // Q4, HR, EMEA: topics, not people
    parts.push({ kind: 'person', text: word, start: m.index, end: m.index + word.length });
  }
  for (const m of text.matchAll(FORMAT)) {
    if (inside(quoted, m.index)) continue;
    parts.push({
      kind: 'format',
      text: m[0],
      start: m.index,
      end: m.index + m[0].length,
      extension: extensionOf(m[1] ?? m[2] ?? ''),
    });
  }
  for (const [pattern, kind] of [
    [ATTACHMENT, 'attachment'],
    [COPY, 'copy'],
  ] as const) {
    for (const m of text.matchAll(pattern)) {
      if (!inside(quoted, m.index)) parts.push({ kind, text: m[0], start: m.index, end: m.index + m[0].length });
    }
  }
  for (const m of text.matchAll(CHANNEL)) {
    if (inside(quoted, m.index)) continue;
    const name = (m[1] ?? m[2] ?? '').replace(/^(?:the|a|my|our)\s+/i, '');
    if (name) parts.push({ kind: 'channel', text: name, start: m.index, end: m.index + m[0].length });
  }
  for (const result of chrono().en.GB.parse(text, reference)) {
    if (inside(quoted, result.index) || PRESENT.test(result.text)) continue;
    parts.push({ kind: 'time', text: result.text, start: result.index, end: result.index + result.text.length });
  }
  return parts.sort((a, b) => a.start - b.start);
}
