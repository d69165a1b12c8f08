import type { DateTimeTimeZone } from './time';

/** Graph's `recipient`. */
export interface Recipient {
  emailAddress: { name: string; address: string };
}

/** A name/value MAPI property stamped by a client (`String {guid} Name X`). */
export interface ExtendedProperty {
  id: string;
  value: string;
}

/** Well-known mail folders every sandbox mailbox has. */
export type FolderName = 'inbox' | 'sentitems' | 'drafts' | 'deleteditems' | 'archive';

/** A stored Graph `message` (the JSON Graph returns, plus extended properties). */
export interface MailMessage {
  id: string;
  createdDateTime: string;
  lastModifiedDateTime: string;
  changeKey: string;
  categories: string[];
  receivedDateTime: string;
  sentDateTime: string;
  hasAttachments: boolean;
  internetMessageId: string;
  subject: string;
  bodyPreview: string;
  importance: 'low' | 'normal' | 'high';
  parentFolderId: string;
  conversationId: string;
  isDeliveryReceiptRequested: boolean;
  isReadReceiptRequested: boolean;
  isRead: boolean;
  isDraft: boolean;
  webLink: string;
  inferenceClassification: 'focused' | 'other';
  body: { contentType: 'text' | 'html'; content: string };
  sender: Recipient | null;
  from: Recipient | null;
  toRecipients: Recipient[];
  ccRecipients: Recipient[];
  bccRecipients: Recipient[];
  replyTo: Recipient[];
  flag: { flagStatus: 'notFlagged' | 'flagged' | 'complete' };
  meetingMessageType?: 'meetingRequest';
  singleValueExtendedProperties?: ExtendedProperty[];
}

/** Graph's `attendee`. */
export interface Attendee {
  type: 'required' | 'optional' | 'resource';
  status: { response: string; time: string };
  emailAddress: { name: string; address: string };
}

/** A stored Graph `event`; start and end are kept in UTC and converted on the way out. */
export interface CalendarEvent {
  id: string;
  createdDateTime: string;
  lastModifiedDateTime: string;
  changeKey: string;
  categories: string[];
  transactionId: string | null;
  originalStartTimeZone: string;
  originalEndTimeZone: string;
  iCalUId: string;
  reminderMinutesBeforeStart: number;
  isReminderOn: boolean;
  hasAttachments: boolean;
  subject: string;
  bodyPreview: string;
  importance: 'low' | 'normal' | 'high';
  sensitivity: 'normal' | 'private';
  isAllDay: boolean;
  isCancelled: boolean;
  isOrganizer: boolean;
  responseRequested: boolean;
  seriesMasterId: string | null;
  showAs: 'free' | 'tentative' | 'busy' | 'oof' | 'workingElsewhere';
  type: 'singleInstance';
  webLink: string;
  isOnlineMeeting: boolean;
  onlineMeetingProvider: 'teamsForBusiness' | 'unknown';
  onlineMeeting: { joinUrl: string } | null;
  responseStatus: { response: string; time: string };
  body: { contentType: 'text' | 'html'; content: string };
  start: DateTimeTimeZone;
  end: DateTimeTimeZone;
  location: { displayName: string; locationType: string };
  locations: Array<{ displayName: string; locationType: string }>;
  attendees: Attendee[];
  organizer: Recipient;
}

/** Graph's `identitySet` as it appears on a `chatMessage`. */
export interface ChatFrom {
  application: { '@odata.type': string; id: string; displayName: string; applicationIdentityType: 'bot' } | null;
  device: null;
  user: {
    '@odata.type': string;
    id: string;
    displayName: string;
    userIdentityType: 'aadUser';
    tenantId: string;
  } | null;
}

/** A stored Graph `chatMessage` in a channel (a post, or a reply when replyToId is set). */
export interface ChannelMessage {
  id: string;
  replyToId: string | null;
  etag: string;
  messageType: 'message';
  createdDateTime: string;
  lastModifiedDateTime: string;
  lastEditedDateTime: string | null;
  deletedDateTime: string | null;
  subject: string | null;
  summary: string | null;
  chatId: null;
  importance: 'normal' | 'high' | 'urgent';
  locale: 'en-us';
  webUrl: string;
  policyViolation: null;
  from: ChatFrom;
  body: { contentType: 'text' | 'html'; content: string };
  channelIdentity: { teamId: string; channelId: string };
  attachments: unknown[];
  mentions: unknown[];
  reactions: unknown[];
}
