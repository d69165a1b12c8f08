import type { DateTime } from 'luxon';
import { parseDelivery } from './intents/delivery-parse';
import { DOMAIN_INTENTS } from './intents/domains';
import { parseMeeting } from './intents/meeting-parse';
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

/**
 * Understand every clause of a message, then attach each "… and post it to X" to the summary
 * asked for just before it. Nothing here touches the directory.
 */
export function parseRequests(clauses: readonly string[], now: DateTime): Result<BuildableSpec[]> {
  const specs: BuildableSpec[] = [];
  for (const clause of clauses) {
    const spec = parseClause(clause, now);
    if (!spec)
      return refuse(text.helpMessage(clauses.length > 1 ? `Sorry, I didn't understand "${clause}".` : undefined));
    if (!spec.ok) return spec;
    const value = spec.value;
    if (value.kind !== 'delivery') {
      specs.push(value);
      continue;
    }
    const previous = specs.at(-1);
    if (previous?.kind !== 'summary') return refuse(text.DANGLING_IT);
    const delivered: SummarySpec = { ...previous, destinations: [...previous.destinations, value.destination] };
    specs[specs.length - 1] = delivered;
  }
  if (specs.length === 0) return refuse(text.helpMessage());
  if (specs.length > MAX_REQUESTS) return refuse(text.TOO_MANY_PARTS);
  return resolvePronouns(specs);
}
