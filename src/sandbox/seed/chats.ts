import { userByAlias } from '../directory';
import type { SandboxStore } from '../store/store';
import { addChatMessage, composeChat, groupChatId, oneOnOneChatId, putChat } from '../teams/chats';
import { chatFrom } from '../teams/messages';
import { HOUR, MINUTE } from '../time';

interface ChatSeed {
  /** Aliases of the members; two make a one-on-one chat. */
  readonly members: readonly string[];
  readonly topic?: string;
  readonly hoursAgo: number;
  readonly messages: ReadonlyArray<{ readonly author: string; readonly minutesAfter: number; readonly text: string }>;
}

/** A few everyday chats. Alex and Isaiah have none, so a first message between them creates one. */
const CHATS: readonly ChatSeed[] = [
  {
    members: ['alexw', 'meganb'],
    hoursAgo: 28,
    messages: [
      { author: 'meganb', minutesAfter: 0, text: 'Can you pull the webinar sign-up numbers for the launch deck?' },
      { author: 'alexw', minutesAfter: 12, text: 'Sure, I will have them by this afternoon.' },
      { author: 'meganb', minutesAfter: 15, text: 'Thanks!' },
    ],
  },
  {
    members: ['meganb', 'adelev'],
    hoursAgo: 20,
    messages: [
      { author: 'adelev', minutesAfter: 0, text: 'Do the new brand colours apply to the in-store price tags too?' },
      { author: 'meganb', minutesAfter: 30, text: 'Yes, from the spring collection on. I will send you the swatches.' },
    ],
  },
  {
    members: ['alexw', 'meganb', 'pattif'],
    topic: 'Spring launch',
    hoursAgo: 6,
    messages: [
      {
        author: 'pattif',
        minutesAfter: 0,
        text: 'How is the spring launch looking? I would like an update before Thursday.',
      },
      { author: 'meganb', minutesAfter: 8, text: 'On track. Alex is finishing the audience slides today.' },
    ],
  },
];

/** Seed the chats and their messages, timed relative to `now`. */
export function seedChats(store: SandboxStore, now: Date): void {
  for (const seed of CHATS) {
    const ids = seed.members.map((alias) => userByAlias(alias).id);
    const createdMs = Math.floor((now.getTime() - seed.hoursAgo * HOUR) / MINUTE) * MINUTE + 456;
    const [a, b] = ids;
    const oneOnOne = ids.length === 2 && a !== undefined && b !== undefined;
    let chat = oneOnOne
      ? composeChat(oneOnOneChatId(a, b), 'oneOnOne', ids, createdMs)
      : composeChat(groupChatId(ids, createdMs), 'group', ids, createdMs, seed.topic ?? null);
    putChat(store, chat);
    for (const message of seed.messages) {
      addChatMessage(store, {
        chat,
        createdMs: createdMs + message.minutesAfter * MINUTE,
        from: chatFrom({ kind: 'user', user: userByAlias(message.author) }),
        body: { contentType: 'text', content: message.text },
      });
      chat = { ...chat, lastUpdatedDateTime: new Date(createdMs + message.minutesAfter * MINUTE).toISOString() };
    }
  }
}
