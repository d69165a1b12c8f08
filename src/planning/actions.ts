import type { StepDraft } from '../engine/ports';

/** The only catalogue actions the rule planner proposes. */
export const PLANNER_ACTIONS = [
  'mail.search',
  'text.summarise',
  'mail.send',
  'calendar.findMeetingTimes',
  'calendar.createEvent',
  'teams.postChannelMessage',
] as const;
export type PlannerAction = (typeof PLANNER_ACTIONS)[number];

/** `{ "$ref": "s<N>.<path>" }`: the output of step N (1-based, plan order) at a dot path. */
export type StepRef = { readonly $ref: string };

/** A reference to step `step`'s output at `path` (e.g. `ref(1, 'suggestions.0.start')`). */
export function ref(step: number, path: string): StepRef {
  return { $ref: `s${step}.${path}` };
}

/** Input shapes of the actions, as their implementers declare them. */
export type ActionInputs = {
  'mail.search': {
    from?: string;
    subject?: string;
    query?: string;
    unread?: boolean;
    since?: string;
    until?: string;
    top?: number;
  };
  'text.summarise': { items: StepRef; title?: string; maxItems?: number };
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
export function draft<A extends PlannerAction>(action: A, input: ActionInputs[A], rationale: string): StepDraft {
  const clean = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
  return { action, input: clean, rationale };
}
