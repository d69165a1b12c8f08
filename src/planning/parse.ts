import type { DateTime } from 'luxon';
import { cannotBlindCopy, parseCopy } from './intents/copy-parse';
import { parseDelivery } from './intents/delivery-parse';
import { followOnClause, foundBy, type FollowOn } from './intents/follow-on';
import { DOMAIN_INTENTS } from './intents/domains';
import { parseMeeting } from './intents/meeting-parse';
import { notifyIntent } from './intents/notify';
import type { BuildableSpec, Spec, SummarySpec } from './intents/specs';
import { parseSummary } from './intents/summary-parse';
import * as text from './messages';
import { resolvePronouns } from './pronouns';
import { refuse, type Result } from './result';

/** At most this many requests in one message; more is more likely a misreading than a plan. */
const MAX_REQUESTS = 3;

/** One clause → what it asks for; undefined when it matches no request the planner knows. */
function parseClause(clause: string, now: DateTime): Result<Spec> | undefined {
  // Deliveries first: "send Megan the summary" names a summary but asks for none.
  return parseDelivery(clause) ?? parseDomain(clause, now) ?? parseSummary(clause, now) ?? parseMeeting(clause, now);
}

/** The first domain intent that recognises the clause. */
function parseDomain(clause: string, now: DateTime): Result<Spec> | undefined {
  for (const intent of DOMAIN_INTENTS) {
    const parsed = intent.parse(clause, now);
    if (!parsed) continue;
    return parsed.ok ? { ok: true, value: { kind: 'domain', intent, value: parsed.value } } : parsed;
  }
  return undefined;
}

/** The requests of a message, and for each, the people to copy on the mail it sends. */
export interface ParsedRequests {
  readonly specs: BuildableSpec[];
  readonly copies: readonly (readonly string[])[];
  /** For each request: what the request before it found, when it acts on that ("… and flag it"). */
  readonly grafts: readonly (FollowOn | undefined)[];
}

const PRONOUN = /^(?:her|him|them)$/i;

/**
 * Understand every clause of a message, then attach each "… and post it to X" to the summary
 * asked for just before it, and each "… and cc Megan" to the request before it. Nothing here
 * touches the directory. `notUnderstood` words the refusal for a clause no intent reads.
 */
export function parseRequests(
  clauses: readonly string[],
  now: DateTime,
  notUnderstood: (clause: string, understood: readonly string[]) => string = (clause) =>
    text.helpMessage(clauses.length > 1 ? `Sorry, I didn't understand "${clause}".` : undefined),
): Result<ParsedRequests> {
  const specs: BuildableSpec[] = [];
  const copies: string[][] = [];
  const understood: string[] = [];
  const grafts: (FollowOn | undefined)[] = [];
  for (const clause of clauses) {
    const copy = parseCopy(clause);
    if (copy === 'blind') return refuse(cannotBlindCopy(clause));
    if (copy) {
      if (specs.length === 0) return refuse(notUnderstood(clause, understood));
      if (copy.some((name) => PRONOUN.test(name))) return refuse(text.DANGLING_PRONOUN);
      copies[specs.length - 1]?.push(...copy);
      understood.push(clause);
      continue;
    }
    // "… and flag it": a request acting on what the one before found.
    // A request that writes text takes "send it to Patti" as where that text goes, not as the file.
    const last = specs.at(-1);
    const delivers = last?.kind === 'domain' && last.intent.deliver !== undefined && parseDelivery(clause)?.ok === true;
    const onIt = delivers ? undefined : followOnClause(clause, foundBy(last));
    const acting = onIt === undefined ? undefined : parseDomain(onIt.clause, now);
    if (onIt && acting?.ok && acting.value.kind === 'domain' && acting.value.intent.finds === onIt.followOn.found) {
      understood.push(clause);
      specs.push(acting.value);
      copies.push([]);
      grafts.push(onIt.followOn);
      continue;
    }
    // "… and tell her on Teams": tell them what the request before did.
    const before = specs.at(-1);
    const notify =
      before && before.kind !== 'summary' && !(before.kind === 'domain' && before.intent.deliver)
        ? notifyIntent.parse(clause, now)
        : undefined;
    if (notify?.ok) {
      understood.push(clause);
      specs.push({ kind: 'domain', intent: notifyIntent, value: notify.value });
      copies.push([]);
      grafts.push(undefined);
      continue;
    }
    const spec = parseClause(clause, now);
    if (!spec) return refuse(notUnderstood(clause, understood));
    if (!spec.ok) return spec;
    understood.push(clause);
    const value = spec.value;
    if (value.kind !== 'delivery') {
      specs.push(value);
      copies.push([]);
      grafts.push(undefined);
      continue;
    }
    const previous = specs.at(-1);
    if (previous?.kind === 'summary') {
      const delivered: SummarySpec = { ...previous, destinations: [...previous.destinations, value.destination] };
      specs[specs.length - 1] = delivered;
      continue;
    }
    // A request that writes text of its own ("what's new in General") takes deliveries too.
    if (previous?.kind !== 'domain' || !previous.intent.deliver) return refuse(text.DANGLING_IT);
    specs[specs.length - 1] = { ...previous, value: previous.intent.deliver(previous.value, value.destination) };
  }
  if (specs.length === 0) return refuse(notUnderstood(clauses.join(' '), []));
  if (specs.length > MAX_REQUESTS) return refuse(text.TOO_MANY_PARTS);
  const resolved = resolvePronouns(specs);
  return resolved.ok ? { ok: true, value: { specs: resolved.value, copies, grafts } } : resolved;
}
