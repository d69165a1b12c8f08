import type { ChannelName } from '../extract/channel';
import type { MailFilter } from '../extract/mail-filter';
import type { MeetingWindow } from '../extract/meeting-window';
import type { DomainSpec } from './domain';

/** Where a summary goes. */
export type Destination =
  | { readonly kind: 'people'; readonly names: readonly string[] }
  /** "… and message it to Megan on Teams": a one-on-one Teams chat with each person. */
  | { readonly kind: 'chat'; readonly names: readonly string[] }
  | { readonly kind: 'channel'; readonly name: ChannelName }
  /** "send … to X": a channel when one is called exactly X, otherwise a person. */
  | { readonly kind: 'personOrChannel'; readonly text: string };

/**
 * "Email Megan a summary of my unread mail from Contoso": one summary, delivered to each
 * destination in turn ("… and post it to General" adds one); none → just summarise.
 */
export interface SummarySpec {
  readonly kind: 'summary';
  readonly filter: MailFilter;
  readonly destinations: readonly Destination[];
}

/** "Set up a 30 minute meeting with Megan and Adele next week about the launch". */
export interface MeetingSpec {
  readonly kind: 'meeting';
  readonly names: readonly string[];
  readonly durationMinutes: number;
  readonly window: MeetingWindow;
  /** As said ("Launch"); undefined → a default from the noun and the attendees. */
  readonly subject?: string;
  /** "Meeting", "Call", "1:1", … */
  readonly noun: string;
  readonly online: boolean;
}

/** "… and post it to General": a destination for the summary asked for just before. */
export interface DeliverySpec {
  readonly kind: 'delivery';
  readonly destination: Destination;
}

/** One understood request of a message, before any directory lookup. */
export type Spec = SummarySpec | MeetingSpec | DeliverySpec | DomainSpec;

/** A request that becomes steps (deliveries are folded into the summary before them). */
export type BuildableSpec = SummarySpec | MeetingSpec | DomainSpec;
