import { ok, refuse, type Result } from '../../result';
import { Phrase } from '../../text/phrase';
import { domainIntent } from '../domain';
import { onePerson, owner } from './person';

/** The directory questions the rule planner answers about one or more people. */
type Topic = 'manager' | 'directReports' | 'presence' | 'hours' | 'lookup';

interface AskSpec {
  readonly topic: Topic;
  readonly names: readonly string[];
}

const NAME = "([\\p{L}][\\p{L}.'@ -]{0,60}?)";
const POSS = "(?:'s|')";
const NOW = '(?:\\s+(?:right\\s+)?now|\\s+at\\s+the\\s+moment|\\s+today)?';

/** Patterns in order; each captures one name (or "my"/"I"). */
const PATTERNS: ReadonlyArray<readonly [RegExp, Topic]> = [
  [new RegExp(`^who(?:\\s+is|'s)\\s+${NAME}${POSS}\\s+(?:line\\s+)?(?:manager|boss|supervisor)$`, 'u'), 'manager'],
  [new RegExp(`^who(?:\\s+is|'s)\\s+(my)\\s+(?:line\\s+)?(?:manager|boss|supervisor)$`, 'u'), 'manager'],
  [new RegExp(`^who\\s+(?:does|do)\\s+${NAME}\\s+report\\s+to$`, 'u'), 'manager'],
  [new RegExp(`^who\\s+(?:manages|is\\s+in\\s+charge\\s+of|supervises)\\s+${NAME}$`, 'u'), 'manager'],
  [new RegExp(`^who(?:\\s+is|'s)\\s+the\\s+(?:manager|boss)\\s+of\\s+${NAME}$`, 'u'), 'manager'],
  [new RegExp(`^who\\s+reports\\s+to\\s+${NAME}$`, 'u'), 'directReports'],
  [new RegExp(`^who\\s+(?:works|work)\\s+(?:for|under)\\s+${NAME}$`, 'u'), 'directReports'],
  [new RegExp(`^who(?:\\s+is|'s|\\s+are)\\s+(?:on|in)\\s+${NAME}${POSS}\\s+team$`, 'u'), 'directReports'],
  [
    new RegExp(`^(?:list|show(?:\\s+me)?|get|find)\\s+${NAME}${POSS}\\s+(?:direct\\s+reports|reports|team)$`, 'u'),
    'directReports',
  ],
  [new RegExp(`^who\\s+(?:are|is)\\s+${NAME}${POSS}\\s+(?:direct\\s+)?reports$`, 'u'), 'directReports'],
  [new RegExp(`^who\\s+(?:are|is)\\s+(my)\\s+(?:direct\\s+)?reports$`, 'u'), 'directReports'],
  [
    new RegExp(
      `^(?:is|are)\\s+${NAME}\\s+(?:available|online|around|busy|away|offline|in\\s+a\\s+(?:meeting|call)|free${NOW.replace('?', '')})${NOW}$`,
      'u',
    ),
    'presence',
  ],
  [
    new RegExp(
      `^(?:what(?:'s|\\s+is)\\s+|check\\s+|show\\s+(?:me\\s+)?)${NAME}${POSS}\\s+(?:presence|status|availability)${NOW}$`,
      'u',
    ),
    'presence',
  ],
  [
    new RegExp(
      `^(?:is|are)\\s+${NAME}\\s+(?:free|available|around|online)\\s+(?:to|for\\s+a)\\s+(?:chat|talk|call|quick\\s+chat)${NOW}$`,
      'u',
    ),
    'presence',
  ],
  [new RegExp(`^(?:is|are)\\s+${NAME}\\s+in${NOW}$`, 'u'), 'presence'],
  [
    new RegExp(`^what(?:'s|\\s+is)\\s+${NAME}${POSS}\\s+(?:status|presence)\\s+(?:on|in)\\s+teams${NOW}$`, 'u'),
    'presence',
  ],
  [new RegExp(`^what\\s+(?:are|is)\\s+${NAME}${POSS}\\s+(?:working|work|office)\\s+hours$`, 'u'), 'hours'],
  [
    new RegExp(
      `^(?:find|what(?:'s|\\s+is)|whats|get|show(?:\\s+me)?)\\s+${NAME}(?:'s|'|s)\\s+(?:e-?mail(?:\\s+address)?|address|job\\s+title|title|role|phone(?:\\s+number)?|number|department|office(?:\\s+location)?)$`,
      'u',
    ),
    'lookup',
  ],
  [new RegExp(`^what\\s+(?:are|is)\\s+(my)\\s+(?:working|work|office)\\s+hours$`, 'u'), 'hours'],
  [new RegExp(`^when\\s+does\\s+${NAME}\\s+(?:work|start\\s+work|finish\\s+work)$`, 'u'), 'hours'],
  [new RegExp(`^what\\s+time\\s*zone\\s+is\\s+${NAME}\\s+in$`, 'u'), 'hours'],
  [new RegExp(`^what(?:'s|\\s+is)\\s+${NAME}${POSS}\\s+time\\s*zone$`, 'u'), 'hours'],
  [
    new RegExp(
      `^is\\s+${NAME}\\s+(?:out\\s+of\\s+(?:the\\s+)?office|ooo|off|away|on\\s+(?:holiday|vacation|leave|annual\\s+leave|pto))(?:\\s+(?:today|tomorrow|this\\s+week|next\\s+week|at\\s+the\\s+moment|right\\s+now))?$`,
      'u',
    ),
    'hours',
  ],
  // "check her auto reply", "what's Megan's out of office message".
  [
    new RegExp(
      `^(?:check|read|show(?:\\s+me)?|get|see|look\\s+at|what(?:'s|\\s+is|\\s+does))\\s+(her|his|their|${NAME}${POSS})\\s+(?:auto(?:matic)?[\\s-]?repl(?:y|ies)|out[\\s-]of[\\s-]office(?:\\s+(?:reply|message|say))?|ooo(?:\\s+message)?)(?:\\s+says?)?$`,
      'u',
    ),
    'hours',
  ],
  [new RegExp(`^(?:look\\s+up|find)\\s+${NAME}\\s+in\\s+the\\s+directory$`, 'u'), 'lookup'],
  [new RegExp(`^(?:look\\s+up|who(?:\\s+is|'s))\\s+${NAME}$`, 'u'), 'lookup'],
];

/** Words that show a clause is about something else ("is Megan free on Friday" is a calendar question). */
const NOT_A_NAME =
  /^(?:the|a|an|our|your|this|that)\b|\b(?:on|at|next|this|tomorrow|meeting|calendar|mail|task|plan|file|channel)\b/;
const MAX_NAME_WORDS = 4;

function parse(clause: string): Result<AskSpec> | undefined {
  const phrase = new Phrase(clause);
  for (const [pattern, topic] of PATTERNS) {
    const hit = phrase.find(pattern);
    const raw = hit?.raw(1);
    if (!hit || raw === undefined) continue;
    // "his auto reply" is about him, "their status" about them: pronouns an earlier request resolves.
    const name = owner(raw)
      .replace(/^his$/i, 'him')
      .replace(/^their$/i, 'them');
    if (NOT_A_NAME.test(name.toLowerCase()) || name.split(/\s+/).length > MAX_NAME_WORDS) return undefined;
    const names = topic === 'presence' ? name.split(/\s*(?:,|\band\b|&)\s*/).filter(Boolean) : [name];
    return ok({ topic, names });
  }
  return undefined;
}

/** "her", "his", "their": someone named in an earlier request. */
const PRONOUN = /^(?:her|his|their|him|them)$/i;

export const askIntent = domainIntent<AskSpec>({
  name: 'people.ask',
  // "… check her auto reply": "her" is someone named before. Whom a manager question finds is
  // not yet known, so it names nobody for a later "them".
  people: {
    get: (spec) =>
      spec.topic === 'manager' || spec.topic === 'directReports'
        ? spec.names.filter((name) => PRONOUN.test(name))
        : spec.names,
    set: (spec, names) => ({ ...spec, names }),
  },
  parse,
  async build(spec, ctx) {
    // A look-up lists everyone who matches: namesakes are the answer, not a question.
    if (spec.topic === 'lookup') {
      const query = spec.names[0] ?? '';
      return ok({
        title: `Look up ${query} in the directory`,
        steps: [
          { action: 'people.resolve', input: { query }, rationale: `Find everyone called ${query} in the directory.` },
        ],
      });
    }
    const people = [];
    for (const name of spec.names) {
      const person = await onePerson(name, ctx);
      if (!person.ok) return person;
      people.push(person.value);
    }
    const first = people[0];
    if (!first) return refuse('Who do you mean? Tell me their name or email address.');
    // Hours, time zone and automatic replies: one step answers all three.
    const whose = first.self ? 'your' : `${first.name}'s`;
    switch (spec.topic) {
      case 'manager':
        return ok({
          title: `Find ${whose} manager`,
          steps: [
            {
              action: 'people.manager',
              input: { person: first.address },
              rationale: `Read who ${first.self ? 'you report' : `${first.name} reports`} to in the directory.`,
            },
          ],
        });
      case 'directReports':
        return ok({
          title: `List ${whose} direct reports`,
          steps: [
            {
              action: 'people.directReports',
              input: { person: first.address },
              rationale: `Read who reports to ${first.self ? 'you' : first.name} in the directory.`,
            },
          ],
        });
      case 'presence': {
        const who = people.map((p) => (p.self ? 'you' : p.name)).join(' and ');
        return ok({
          title: `Check whether ${who} ${people.length > 1 ? 'are' : 'is'} available`,
          steps: [
            {
              action: 'people.presence',
              input: { people: people.map((p) => p.address) },
              rationale: `Read ${who}'s Teams presence.`,
            },
          ],
        });
      }
      default:
        return ok({
          title: `Look up ${whose} working hours, time zone and automatic replies`,
          steps: [
            {
              action: 'people.mailboxSettings',
              input: { person: first.address },
              rationale: `Read ${whose} working hours, time zone and automatic replies.`,
            },
          ],
        });
    }
  },
});
