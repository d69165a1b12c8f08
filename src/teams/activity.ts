import type { Activity } from 'botbuilder';
import type { Scope } from '../engine/model';

/** The Entra object id of whoever sent the activity — the only identity Delegate trusts. */
export function actorOf(activity: Activity): string | undefined {
  const id = activity.from?.aadObjectId;
  return typeof id === 'string' && id.length > 0 ? id : undefined;
}

/** The tenant an activity comes from, as Teams reports it. */
export function tenantOf(activity: Activity): string | undefined {
  const channelData = activity.channelData as { tenant?: { id?: string } } | undefined;
  return activity.conversation?.tenantId ?? channelData?.tenant?.id;
}

/** Where a task started from this activity lives. */
export function scopeOf(activity: Activity): Scope {
  const channelData = (activity.channelData ?? {}) as {
    team?: { id?: string; aadGroupId?: string };
    channel?: { id?: string };
  };
  const type = activity.conversation?.conversationType;
  const kind =
    type === 'channel' ? 'channel' : type === 'groupChat' || activity.conversation?.isGroup ? 'groupChat' : 'personal';
  return {
    kind,
    // A channel post's conversation id names its thread (`…;messageid=…`); the task belongs to the
    // channel, while its stored conversation reference keeps the thread for replies.
    conversationId: baseConversationId(activity.conversation.id),
    teamId: channelData.team?.aadGroupId ?? channelData.team?.id,
    channelId: channelData.channel?.id,
    tenantId: tenantOf(activity),
  };
}

/**
 * The sender's IANA time zone when Teams sends one (the activity's `localTimezone`, else its
 * clientInfo entity's `timezone`), else the fallback (the configured default).
 */
export function timeZoneOf(activity: Activity, fallback: string): string {
  return activityTimeZone(activity) ?? fallback;
}

/** The sender's IANA time zone as the activity says it (`localTimezone`, else clientInfo's), if valid. */
export function activityTimeZone(activity: Activity): string | undefined {
  const clientInfo = (activity.entities ?? []).find((entity) => entity.type === 'clientInfo') as
    { timezone?: unknown } | undefined;
  for (const zone of [activity.localTimezone, clientInfo?.timezone]) {
    if (typeof zone === 'string' && zone !== '' && knownZone(zone)) return zone;
  }
  return undefined;
}

/**
 * Zones already found valid. This runs on every message, and building an `Intl.DateTimeFormat`
 * each time cost about 3% of the bot's CPU under load. Only valid names are kept, and at most
 * {@link MAX_KNOWN_ZONES} of them (Intl also accepts other casings), so input cannot grow it.
 */
const KNOWN_ZONES = new Set<string>();
const MAX_KNOWN_ZONES = 1000;

function knownZone(zone: string): boolean {
  if (KNOWN_ZONES.has(zone)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    return false; // Not a zone this runtime knows: the caller tries the next source.
  }
  if (KNOWN_ZONES.size < MAX_KNOWN_ZONES) KNOWN_ZONES.add(zone);
  return true;
}

/** A conversation id without the thread suffix Teams adds for a channel post (`;messageid=…`). */
export function baseConversationId(id: string): string {
  const at = id.indexOf(';messageid=');
  return at < 0 ? id : id.slice(0, at);
}
