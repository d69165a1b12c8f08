import type { StepDraft } from '../../engine/ports';
import { draft, ref, type StepRef } from '../actions';
import { capitalise, describeMail } from '../extract/describe-mail';
import type { MailFilter } from '../extract/mail-filter';
import { ok, type Result } from '../result';
import { deliverText, withDeliveries, type Delivery } from './deliver';
import type { BuildContext, Fragment } from './fragment';
import type { SummarySpec } from './specs';

/** Steps 1 and 2 of every summary: find the mail, then summarise it. */
function searchAndSummarise(filter: MailFilter, description: string): StepDraft[] {
  const range = filter.range;
  return [
    draft(
      'mail.search',
      {
        from: filter.from,
        subject: filter.subject,
        query: filter.query,
        unread: filter.unread ? true : undefined,
        hasAttachments: filter.hasAttachments,
        since: range?.since,
        until: range?.until,
        top: filter.top,
      },
      `Find your ${description}.`,
    ),
    draft('text.summarise', { items: ref(1, 'messages'), title: capitalise(description) }, 'Summarise what was found.'),
  ];
}

/**
 * Plan a summary of mail and its deliveries: `mail.search` → `text.summarise` → a `mail.send`
 * to the people named and/or a `teams.postChannelMessage` to each channel named (nothing more
 * when no destination was asked for). Names and channels are resolved now, so the plan shows
 * exactly who or where; anything uncertain comes back as a question.
 */
export async function buildSummary(spec: SummarySpec, ctx: BuildContext): Promise<Result<Fragment>> {
  const description = describeMail(spec.filter);
  // "Summary of your unread mail" when it goes to the requester alone (not for "this week's …").
  const subject = (toSelf: boolean): string =>
    `Summary of ${toSelf && !spec.filter.range?.possessive && spec.filter.top === undefined ? 'your ' : ''}${description}`;
  const deliveries: Delivery[] = [];
  for (const destination of spec.destinations) {
    const delivery = await deliverText(destination, SUMMARY, description, subject, ctx);
    if (!delivery.ok) return delivery;
    deliveries.push(delivery.value);
  }
  return ok(withDeliveries(searchAndSummarise(spec.filter, description), `Summarise ${description}`, deliveries));
}

const SUMMARY: StepRef = ref(2, 'summary');
