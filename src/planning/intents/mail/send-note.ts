import { draft } from '../../actions';
import { addressOf, joinNames, resolvePeople, splitNames } from '../../extract/people';
import { ok, refuse, type Result } from '../../result';
import { clip } from '../../text/clip';
import { domainIntent, namesLens } from '../domain';
import type { BuildContext, Fragment } from '../fragment';
import { SUMMARY_WORD } from '../summary-parse';
import { quoteOf, unquote } from '../teams/wording';

/** "Email Megan saying the deck is ready": a short mail written by the requester, sent as said. */
interface NoteSpec {
  readonly names: readonly string[];
  readonly text: string;
  readonly subject?: string;
}

const VERB = '(?:e-?mail|mail|send\\s+an?\\s+e-?mail\\s+to|write\\s+to|send\\s+a\\s+note\\s+to)';
const SAYING =
  '(?:\\s*:\\s*|\\s*,\\s*(?:saying\\s+)?|\\s+(?:saying|that\\s+says|to\\s+say|telling\\s+(?:them|him|her)|that)\\b\\s*:?\\s*)';
const WITH_SUBJECT =
  /^(.+?)\s+(?:with\s+(?:the\s+)?subject|subject(?:\s+line)?)\s*:?\s*["“]([^"”]+)["”]\s*,?\s*(?:(?:and\s+)?(?:saying|body|text)\s*:?\s*)?([\s\S]*)$/i;
const FORM = new RegExp(`^${VERB}\\s+(.+?)${SAYING}([\\s\\S]+)$`, 'i');
/** "email Megan about the launch": a topic but no words to send. */
const ABOUT_ONLY = new RegExp(`^${VERB}\\s+(.+?)\\s+(?:about|regarding|re)\\s+(.+)$`, 'i');
const MAX_PEOPLE = 20;

export const NO_MAIL_TEXT =
  'What should the email say? For example: "email Megan saying the deck is ready" or "email Megan: the deck is ready".';

/** The subject of a short note: its first sentence, clipped. */
function subjectOf(text: string): string {
  const first = text.split(/(?<=[.!?])\s/)[0] ?? text;
  const subject = clip(first.replace(/[.!]+$/, ''), 60);
  return subject.charAt(0).toUpperCase() + subject.slice(1);
}

export const sendNote = domainIntent<NoteSpec>({
  name: 'mail.sendNote',
  people: namesLens<NoteSpec>(),
  parse(clause) {
    const trimmed = clause.trim();
    if (SUMMARY_WORD.test(trimmed.toLowerCase())) return undefined;
    const subjected = WITH_SUBJECT.exec(trimmed);
    if (subjected) {
      const head = new RegExp(`^${VERB}\\s+(.+)$`, 'i').exec(subjected[1] ?? '');
      if (head) {
        const names = splitNames(head[1] ?? '');
        const body = unquote(subjected[3] ?? '');
        if (names.length > 0) return ok({ names, subject: subjected[2] ?? '', text: body || (subjected[2] ?? '') });
      }
    }
    const match = FORM.exec(trimmed);
    if (match) {
      // "email Megan about the launch saying …": the topic is the subject.
      const about = /^(.+?)\s+(?:about|regarding|re)\s+(.+)$/i.exec(match[1] ?? '');
      const names = splitNames(about?.[1] ?? match[1] ?? '');
      const topic = about?.[2]?.replace(/^(?:the|a|an|our|my)\s+/i, '');
      if (names.length === 0 || /\b(?:teams|chat|channel)\b/i.test(match[1] ?? '')) return undefined;
      const text = unquote(match[2] ?? '');
      if (!text) return refuse(NO_MAIL_TEXT);
      return ok(topic ? { names, text, subject: topic.charAt(0).toUpperCase() + topic.slice(1) } : { names, text });
    }
    if (ABOUT_ONLY.test(trimmed) && !/\b(?:mail|e-?mails|messages)\s+from\b/i.test(trimmed))
      return refuse(NO_MAIL_TEXT);
    return undefined;
  },
  async build(spec, ctx: BuildContext): Promise<Result<Fragment>> {
    if (spec.names.length > MAX_PEOPLE) return refuse(`That is a lot of people: at most ${MAX_PEOPLE} at once.`);
    const people = await resolvePeople(spec.names, ctx.requester, ctx.directory);
    if (!people.ok) return people;
    const who = joinNames(people.value.map((p) => p.displayName));
    const subject = spec.subject ?? subjectOf(spec.text);
    return ok({
      title: `Email ${who}: ${quoteOf(spec.text)}`,
      steps: [
        draft(
          'mail.send',
          { to: people.value.map(addressOf), subject, body: spec.text },
          `Send ${who} the email, worded as you said it.`,
        ),
      ],
    });
  },
});
