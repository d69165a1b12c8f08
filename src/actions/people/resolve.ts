import { z } from 'zod';
import type { ActionSpec } from '../../engine/catalogue';
import { peopleFilter } from '../../graph/directory';
import type { GraphGateway } from '../../graph/types';
import { display } from '../common/display';
import { PERSON_SELECT, personSummary, summarisePerson, type GraphPerson } from './person';
import { who } from './wording';

export const resolveInput = z.object({ query: z.string().min(1).max(200) });
export type ResolveInput = z.infer<typeof resolveInput>;

export const resolveOutput = z.object({ people: z.array(personSummary), count: z.number().int(), answer: z.string() });
export type ResolveOutput = z.infer<typeof resolveOutput>;

/** More matches than this is a query too vague to be useful. */
const MAX_MATCHES = 25;

export function peopleResolve(gateway: GraphGateway): ActionSpec<ResolveInput, ResolveOutput> {
  return {
    name: 'people.resolve',
    description:
      "Find people in the organisation's directory by name or email address (start of the display name, given name, surname or address). Returns every match with job title and department, so namesakes can be told apart; an empty list when nobody matches.",
    input: resolveInput,
    output: resolveOutput,
    risk: 'read',
    // Job title and department are beyond User.ReadBasic.All; they are what tells two Megans apart.
    permissions: { delegated: ['User.Read.All'], application: ['User.Read.All'] },
    editable: [],
    describe(input) {
      return {
        title: `Look up ${display(input.query)} in the directory`,
        target: display(input.query),
        reads: 'The organisation directory',
        fields: [{ label: 'Name or address', value: display(input.query) }],
      };
    },
    async run(input, ctx) {
      const graph = gateway.forUser(ctx.actor);
      const found = await graph.get<{ value?: GraphPerson[] }>(
        '/users',
        { $filter: peopleFilter(input.query.trim()), $select: PERSON_SELECT, $top: MAX_MATCHES },
        { signal: ctx.signal, what: 'the directory' },
      );
      const people = (found.value ?? [])
        .map(summarisePerson)
        .sort((a, b) => a.displayName.localeCompare(b.displayName));
      const answer =
        people.length === 0
          ? `Nobody in the directory matches "${input.query}".`
          : `${people.length === 1 ? 'One person matches' : `${people.length} people match`} "${input.query}": ${people.map((p) => `${who(p)} <${p.mail}>`).join(', ')}.`;
      return { output: { people, count: people.length, answer }, provenance: people.map((p) => p.id) };
    },
  };
}
