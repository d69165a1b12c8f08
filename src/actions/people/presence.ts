import { z } from 'zod';
import type { ActionSpec } from '../../engine/catalogue';
import type { GraphGateway } from '../../graph/types';
import { displayList } from '../common/display';
import { usersByKey } from '../tasks/people-ids';
import { spaced } from './wording';

export const presenceInput = z.object({
  people: z.array(z.string().min(1)).min(1).max(50).describe('email addresses or directory ids'),
});
export type PresenceInput = z.infer<typeof presenceInput>;

export const presenceOutput = z.object({
  presences: z.array(
    z.object({ id: z.string(), name: z.string(), mail: z.string(), availability: z.string(), activity: z.string() }),
  ),
  answer: z.string(),
});
export type PresenceOutput = z.infer<typeof presenceOutput>;

interface GraphPresence {
  readonly id: string;
  readonly availability?: string | null;
  readonly activity?: string | null;
}

export function peoplePresence(gateway: GraphGateway): ActionSpec<PresenceInput, PresenceOutput> {
  return {
    name: 'people.presence',
    description:
      'Whether people are available right now in Teams (availability such as Available, Busy, Away, DoNotDisturb, Offline, and the activity such as InAMeeting), by email address or id.',
    input: presenceInput,
    output: presenceOutput,
    risk: 'read',
    permissions: {
      delegated: ['Presence.Read.All', 'User.ReadBasic.All'],
      application: ['Presence.Read.All', 'User.ReadBasic.All'],
    },
    editable: [],
    describe(input) {
      const who = displayList(input.people).join(', ');
      return {
        title: `Check whether ${who} ${displayList(input.people).length > 1 ? 'are' : 'is'} available`,
        target: who,
        reads: 'Teams presence',
        fields: [{ label: 'People', value: who }],
      };
    },
    async run(input, ctx) {
      const graph = gateway.forUser(ctx.actor);
      const people = await usersByKey(graph, input.people, ctx.signal);
      // A read-only POST: safe to replay.
      const reply = await graph.post<{ value?: GraphPresence[] }>(
        '/communications/getPresencesByUserId',
        { ids: people.map((p) => p.id) },
        { idempotent: true, signal: ctx.signal, what: 'presence' },
      );
      const byId = new Map((reply.value ?? []).map((p) => [p.id, p]));
      const presences = people.map((p) => ({
        id: p.id,
        name: p.displayName,
        mail: p.mail,
        availability: byId.get(p.id)?.availability ?? 'PresenceUnknown',
        activity: byId.get(p.id)?.activity ?? 'PresenceUnknown',
      }));
      const answer = presences
        .map(
          (p) =>
            `${p.name} is ${spaced(p.availability)}${p.activity && p.activity !== p.availability ? ` (${spaced(p.activity)})` : ''}.`,
        )
        .join(' ');
      return { output: { presences, answer }, provenance: people.map((p) => p.id) };
    },
  };
}
