import type { StepDraft } from '../engine/ports';

/**
 * The only catalogue actions the rule planner proposes: the built-in summary, meeting and
 * channel requests, and the steps the domain intents (`intents/domains/*`) build.
 * Planning tests check every plan against this list, so an intent that starts using a new
 * action must add it here.
 */
export const PLANNER_ACTIONS = [
  'mail.search',
  'text.summarise',
  'mail.send',
  'mail.draft',
  'calendar.findMeetingTimes',
  'calendar.createEvent',
  'teams.postChannelMessage',
  'mail.read',
  'mail.reply',
  'mail.forward',
  'mail.update',
  'mail.move',
  'mail.summariseThread',
  'calendar.listEvents',
  'calendar.updateEvent',
  'calendar.cancelEvent',
  'calendar.respond',
  'calendar.getSchedules',
  'files.search',
  'files.listRecent',
  'files.readText',
  'files.create',
  'files.share',
  'teams.listChannelMessages',
  'teams.replyToMessage',
  'teams.sendChatMessage',
  'teams.listChannels',
  'planner.listTasks',
  'planner.createTask',
  'planner.updateTask',
  'todo.listTasks',
  'todo.createTask',
  'people.resolve',
  'people.manager',
  'people.directReports',
  'people.presence',
  'people.mailboxSettings',
] as const;
export type PlannerAction = (typeof PLANNER_ACTIONS)[number];

/** `{ "$ref": "s<N>.<path>" }`: the output of step N (1-based, plan order) at a dot path. */
export type StepRef = { readonly $ref: string };

/** A reference to step `step`'s output at `path` (e.g. `ref(1, 'suggestions.0.start')`). */
export function ref(step: number, path: string): StepRef {
  return { $ref: `s${step}.${path}` };
}

/** Input shapes of the actions `draft` builds, as their implementers declare them (domain intents build their own steps). */
export type ActionInputs = {
  'mail.search': {
    from?: string;
    subject?: string;
    query?: string;
    unread?: boolean;
    hasAttachments?: boolean;
    since?: string;
    until?: string;
    top?: number;
  };
  'text.summarise': ({ items: StepRef } | { text: StepRef; sourceId?: StepRef }) & {
    title?: string;
    maxItems?: number;
  };
  'mail.send': { to: string[]; cc?: string[]; subject: string; body: string | StepRef };
  'calendar.findMeetingTimes': {
    attendees: string[];
    durationMinutes: number;
    windowStart: string;
    windowEnd: string;
    timeZone: string;
  };
  'calendar.createEvent': {
    subject: string;
    attendees: string[];
    start: string | StepRef;
    end: string | StepRef;
    body?: string;
    isOnlineMeeting?: boolean;
    timeZone: string;
  };
  'teams.postChannelMessage': {
    teamId: string;
    channelId: string;
    channelName: string;
    teamName: string;
    text: string | StepRef;
  };
};

/** A step draft for `action`, with absent optional fields left out rather than `undefined`. */
export function draft<A extends keyof ActionInputs>(action: A, input: ActionInputs[A], rationale: string): StepDraft {
  const clean = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
  return { action, input: clean, rationale };
}
