import type { DateTime } from 'luxon';
import { MAIL_NOUN, parseMailFilter } from '../extract/mail-filter';
import { parseChannelName } from '../extract/channel';
import { splitNames } from '../extract/people';
import { findWhen } from '../extract/when';
import * as text from '../messages';
import { ok, refuse, type Result } from '../result';
import { MASK, Phrase } from '../text/phrase';
import { deliveryVerb, destinationFrom, trailingDestination, type DeliveryVerb } from './destination';
import type { Destination, SummarySpec } from './specs';

/** Words that ask for a summary. */
export const SUMMARY_WORD =
  /\b(?:summary|summaries|summari[sz]e|summari[sz]ed|summari[sz]ing|recap|digest|overview|round-?up|rundown|gist)\b/;

const LEAD_VERB =
  /^(e-?mail|mail|message|dm|send|forward|post|put|drop|share|give|get|show|make|write|prepare|create|do|produce)\b\s*/;
const LEAD_STOP = /\b(?:a|an|the|my|our|your|all|some|any|unread|new)\s|\b(?:e-?mails?|mails?|messages?|inbox)\b/;
const LEAD_STOP_AFTER_MARKER = /\s(?:a|an)\s|\b(?:e-?mails?|mails?|messages?|inbox)\b/;
const TRAILING_FILLER = /(?:^|\s+)(?:a|an|the|my|our|your|quick|short|brief|concise|written|daily|weekly)$/i;

/**
 * Understand a request for a summary of mail: who or where it goes (from the verb and the words
 * around "summary") and which mail (from the rest). Undefined when the clause asks for no summary.
 */
export function parseSummary(clause: string, now: DateTime): Result<SummarySpec> | undefined {
  const phrase = new Phrase(clause);
  const keyword = phrase.find(SUMMARY_WORD);
  if (!keyword) return undefined;
  const when = findWhen(phrase);
  const masked = when ? phrase.mask(when.start, when.end) : phrase;

  const leadVerb = LEAD_VERB.exec(masked.lower.slice(0, keyword.start));
  const verb: DeliveryVerb = leadVerb ? deliveryVerb(leadVerb[1] ?? '') : 'none';
  const leadEnd = leadVerb ? leadVerb[0].length : 0;
  // The recipient ends where the mail description starts: "Send [Megan] the unread mail summary",
  // "Email [Megan] today's emails from Contoso summarised", "Email [Megan Bowen] a summary".
  const lead = masked.lower.slice(leadEnd, keyword.start);
  const stop = /^(?:to|into|in|on|with)\s/.test(lead) ? LEAD_STOP_AFTER_MARKER : LEAD_STOP;
  const recipient = new Phrase(masked.text.slice(0, keyword.start)).segment(leadEnd, stop);
  const filterStart = recipient.end < keyword.start ? recipient.end : keyword.end;
  let destination = leadDestination(tidyLead(recipient.text), verb);

  let filterPhrase = phrase.mask(0, filterStart).mask(keyword.start, keyword.end);
  if (!destination) {
    const trailing = trailingDestination(masked, keyword.end, verb);
    if (trailing) {
      destination = trailing.destination;
      filterPhrase = filterPhrase.mask(trailing.start, phrase.text.length);
    }
  }
  if (!destination && (verb === 'mail' || verb === 'send')) return refuse(text.NO_RECIPIENT);
  if (!destination && (verb === 'post' || verb === 'share')) destination = { kind: 'channel', name: { channel: '' } };
  if (!MAIL_NOUN.test(filterPhrase.lower) && !/\bfrom\s/.test(filterPhrase.lower))
    return refuse(destination ? text.whatToSummarise(going(destination)) : text.ONLY_MAIL);

  const filter = parseMailFilter(filterPhrase, now, when);
  if (!filter.ok) return filter;
  return ok({ kind: 'summary', filter: filter.value, destinations: destination ? [destination] : [] });
}

/** Where a summary goes, for a question about it: "for Zoe", "for the Marketing channel". */
function going(destination: Destination): string {
  if (destination.kind === 'channel')
    return destination.name.channel ? `for the ${destination.name.channel} channel` : 'for the channel';
  if (destination.kind === 'personOrChannel') return `for ${destination.text}`;
  return `for ${destination.names.join(' and ')}`;
}

function tidyLead(raw: string): string {
  let lead = raw.split(MASK).join(' ').replace(/\s+/g, ' ').trim();
  while (TRAILING_FILLER.test(lead)) lead = lead.replace(TRAILING_FILLER, '').trim();
  return lead;
}

/** Who the words between the verb and "summary" name: "Email [Megan Bowen] a summary". */
function leadDestination(lead: string, verb: DeliveryVerb): Destination | undefined {
  if (!lead || verb === 'none') return undefined;
  const marker = /^(to|into|in|with|on)\s+(.+)$/i.exec(lead);
  if (marker) return destinationFrom((marker[1] ?? '').toLowerCase(), marker[2] ?? '', verb);
  if (verb === 'post') return { kind: 'channel', name: parseChannelName(lead) };
  return { kind: 'people', names: splitNames(lead) };
}
