import { SANDBOX_DIRECTORY, userByAlias, type SandboxTeam } from '../directory';
import type { SandboxStore } from '../store/store';
import { chatFrom, composeChatMessage } from '../teams/messages';
import { HOUR, MINUTE } from '../time';

interface PostSeed {
  /** Index of the channel in its team's channel list. */
  readonly channel: number;
  readonly author: string;
  readonly hoursAgo: number;
  readonly text: string;
  readonly replies?: ReadonlyArray<{ readonly author: string; readonly minutesAfter: number; readonly text: string }>;
}

/** My Team's conversations in General (0) and Announcements (1). */
const POSTS: readonly PostSeed[] = [
  {
    channel: 1,
    author: 'pattif',
    hoursAgo: 200,
    text: "The new travel and expense policy takes effect on the first of next month. The main change: hotel bookings go through the travel portal. Details are in the policy document in this channel's files.",
  },
  {
    channel: 0,
    author: 'pattif',
    hoursAgo: 150,
    text: 'Welcome to the new quarter, everyone! Our priorities: renew our top enterprise customers, launch the spring collection and open two new stores.',
    replies: [
      {
        author: 'meganb',
        minutesAfter: 20,
        text: 'Marketing is on it. The spring launch plan will be ready for review next week.',
      },
      { author: 'isaiahl', minutesAfter: 45, text: 'Sales too. The Contoso renewal is our biggest item this quarter.' },
    ],
  },
  {
    channel: 1,
    author: 'meganb',
    hoursAgo: 120,
    text: 'Brand guidelines v3 are published. Please use the new logo lock-ups and colour palette for everything customer-facing from today.',
    replies: [
      { author: 'adelev', minutesAfter: 30, text: 'Thanks! I will update the in-store signage templates this week.' },
    ],
  },
  {
    channel: 0,
    author: 'meganb',
    hoursAgo: 96,
    text: 'Spring launch: the creative review deck is in the Marketing folder. Comments welcome before Friday.',
    replies: [
      { author: 'alexw', minutesAfter: 35, text: 'Looks great. I left a few comments on the audience slides.' },
    ],
  },
  {
    channel: 0,
    author: 'isaiahl',
    hoursAgo: 50,
    text: 'The Contoso webinar drew 140 sign-ups, our best turnout yet. Recording and slides are in the Sales folder.',
  },
  {
    channel: 0,
    author: 'adelev',
    hoursAgo: 26,
    text: 'The new window displays are up in Redmond. Photos in the thread below; feedback welcome before we roll out to the other stores.',
    replies: [
      {
        author: 'lynner',
        minutesAfter: 15,
        text: 'They look fantastic. Can we get the cost per store for the planning workbook?',
      },
      {
        author: 'adelev',
        minutesAfter: 40,
        text: 'About 2,300 USD per store including installation. I will add it to the workbook.',
      },
    ],
  },
  {
    channel: 1,
    author: 'pattif',
    hoursAgo: 22,
    text: 'The monthly all-hands moves to Thursday at 16:00 so the Seattle team can join in person.',
  },
  {
    channel: 0,
    author: 'lynner',
    hoursAgo: 3,
    text: "Reminder: Q3 planning numbers are due Friday at noon. The workbook is in this channel's files.",
  },
];

/** Retail Operations' conversations in General (0), Store Openings (1) and Inventory (2). */
const RETAIL_POSTS: readonly PostSeed[] = [
  {
    channel: 0,
    author: 'adelev',
    hoursAgo: 170,
    text: 'Welcome to Retail Operations! This is where we run the stores day to day: openings, stock and staffing.',
  },
  {
    channel: 1,
    author: 'lynner',
    hoursAgo: 75,
    text: "The Bellevue store opening is set for the 28th. The checklist is in this channel's files; please claim your items.",
    replies: [
      { author: 'isaiahl', minutesAfter: 25, text: 'I will take the launch-day customer invitations.' },
      {
        author: 'adelev',
        minutesAfter: 50,
        text: 'Signage and fixtures are mine. The contractor confirmed the 21st for installation.',
      },
    ],
  },
  {
    channel: 2,
    author: 'adelev',
    hoursAgo: 30,
    text: 'Spring collection stock lands on Monday. Redmond and Seattle get the first deliveries.',
    replies: [
      { author: 'lynner', minutesAfter: 10, text: 'Noted. I moved the Seattle stock count to Tuesday morning.' },
    ],
  },
  {
    channel: 0,
    author: 'pattif',
    hoursAgo: 8,
    text: 'Great quarter so far for the stores: footfall is up 12 percent on last year. Thank you all.',
    replies: [{ author: 'adelev', minutesAfter: 20, text: 'Thanks Patti! The new window displays are helping.' }],
  },
];

/** Post a team's seeded conversations, timed relative to `now`. */
function seedTeam(store: SandboxStore, team: SandboxTeam, posts: readonly PostSeed[], now: Date): void {
  for (const post of posts) {
    const channel = team.channels[post.channel];
    if (!channel) continue;
    const createdMs = Math.floor((now.getTime() - post.hoursAgo * HOUR) / MINUTE) * MINUTE + 123;
    const from = chatFrom({ kind: 'user', user: userByAlias(post.author) });
    const root = composeChatMessage({
      teamId: team.id,
      channelId: channel.id,
      replyToId: null,
      createdMs,
      from,
      body: { contentType: 'text', content: post.text },
    });
    store.putChannelMessage(root);
    for (const reply of post.replies ?? []) {
      store.putChannelMessage(
        composeChatMessage({
          teamId: team.id,
          channelId: channel.id,
          replyToId: root.id,
          createdMs: createdMs + reply.minutesAfter * MINUTE,
          from: chatFrom({ kind: 'user', user: userByAlias(reply.author) }),
          body: { contentType: 'text', content: reply.text },
        }),
      );
    }
  }
}

/** Seed every team's channel posts and replies, timed relative to `now`. */
export function seedChannels(store: SandboxStore, now: Date): void {
  const [myTeam, retail] = SANDBOX_DIRECTORY.teams;
  if (myTeam) seedTeam(store, myTeam, POSTS, now);
  if (retail) seedTeam(store, retail, RETAIL_POSTS, now);
}
