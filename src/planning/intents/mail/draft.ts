import { addressOf, joinNames, resolvePeople, splitNames } from '../../extract/people';
import { ok, type Result } from '../../result';
import { capitalise } from '../../extract/describe-mail';
import { clip, MAX_SUBJECT } from '../../text/clip';
import { domainIntent, namesLens } from '../domain';
import type { BuildContext, Fragment } from '../fragment';

/** "Draft an email to Megan about the newsletter numbers": a draft in Outlook, for the requester to finish. */
interface DraftSpec {
  readonly names: readonly string[];
  readonly topic: string;
}

const DRAFT =
  /^(?:draft|prepare|start|write\s+up|set\s+up)\s+(?:an?\s+)?(?:e-?mail|mail|message|note)\s+to\s+(.+?)\s+(?:about|re|regarding|on|for)\s+(.+?)(?:\s*[,;-]\s*(?:i\s+(?:want|'d\s+like|need)|but|so\s+i|don't|do\s+not|dont)\b.*)?$/i;

export const draftMail = domainIntent<DraftSpec>({
  name: 'mail.draft',
  people: namesLens<DraftSpec>(),
  parse(clause) {
    const match = DRAFT.exec(clause.trim().replace(/[?.!]+$/, ''));
    if (!match) return undefined;
    const names = splitNames(match[1] ?? '');
    const topic = (match[2] ?? '').trim();
    return names.length > 0 && topic ? ok({ names, topic }) : undefined;
  },
  async build(spec, ctx: BuildContext): Promise<Result<Fragment>> {
    const people = await resolvePeople(spec.names, ctx.requester, ctx.directory);
    if (!people.ok) return people;
    const who = joinNames(people.value.map((p) => p.displayName));
    const subject = clip(capitalise(spec.topic.replace(/^(?:the|my|our)\s+/i, '')), MAX_SUBJECT);
    return ok({
      title: `Draft an email to ${who} about ${spec.topic} (not sent)`,
      steps: [
        {
          action: 'mail.draft',
          input: { to: people.value.map(addressOf), subject, body: '' },
          rationale: `Save a draft to ${who} in your Drafts folder, for you to write and send yourself.`,
        },
      ],
    });
  },
});
