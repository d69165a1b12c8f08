import { z } from 'zod';
import type { ActionSpec } from '../../engine/catalogue';
import type { GraphGateway } from '../../graph/types';
import { display } from '../common/display';
import { personAnd, personSummary, summarisePerson, type GraphPerson } from './person';
import { who } from './wording';

export const personInput = z.object({ person: z.string().min(1).describe('email address or directory id') });
export type PersonInput = z.infer<typeof personInput>;

/** `answer`: one sentence for the requester (the result card shows it). */
export const managerOutput = z.object({ person: personSummary, manager: personSummary.nullable(), answer: z.string() });
export type ManagerOutput = z.infer<typeof managerOutput>;

export const reportsOutput = z.object({
  person: personSummary,
  directReports: z.array(personSummary),
  count: z.number().int(),
  answer: z.string(),
});
export type ReportsOutput = z.infer<typeof reportsOutput>;

const preview = (what: string) => (input: Record<string, unknown>) => ({
  title: `Look up ${display(input.person)}'s ${what}`,
  target: display(input.person),
  reads: 'The organisation directory',
  fields: [{ label: 'Person', value: display(input.person) }],
});

export function peopleManager(gateway: GraphGateway): ActionSpec<PersonInput, ManagerOutput> {
  return {
    name: 'people.manager',
    description:
      'Who a person reports to, from the directory (person by email address or id). manager is null for the top of the organisation.',
    input: personInput,
    output: managerOutput,
    risk: 'read',
    permissions: { delegated: ['User.Read.All'], application: ['User.Read.All'] },
    editable: [],
    describe: preview('manager'),
    async run(input, ctx) {
      const [person, manager] = await personAnd<GraphPerson>(
        gateway.forUser(ctx.actor),
        input.person,
        'manager',
        ctx.signal,
      );
      const found = manager.status === 200 ? summarisePerson(manager.body) : null;
      const subject = summarisePerson(person);
      const answer = found
        ? `${subject.displayName} reports to ${who(found)}.`
        : `${subject.displayName} has no manager in the directory.`;
      return {
        output: { person: subject, manager: found, answer },
        provenance: [person.id, ...(found ? [found.id] : [])],
      };
    },
  };
}

export function peopleDirectReports(gateway: GraphGateway): ActionSpec<PersonInput, ReportsOutput> {
  return {
    name: 'people.directReports',
    description: 'The people who report directly to a person, from the directory (person by email address or id).',
    input: personInput,
    output: reportsOutput,
    risk: 'read',
    permissions: { delegated: ['User.Read.All'], application: ['User.Read.All'] },
    editable: [],
    describe: preview('direct reports'),
    async run(input, ctx) {
      const [person, reports] = await personAnd<{ value?: GraphPerson[] }>(
        gateway.forUser(ctx.actor),
        input.person,
        'directReports',
        ctx.signal,
      );
      const directReports = reports.status === 200 ? (reports.body.value ?? []).map(summarisePerson) : [];
      const subject = summarisePerson(person);
      const answer =
        directReports.length > 0
          ? `Reporting to ${subject.displayName}: ${directReports.map(who).join(', ')}.`
          : `Nobody reports to ${subject.displayName}.`;
      return {
        output: { person: subject, directReports, count: directReports.length, answer },
        provenance: [person.id, ...directReports.map((p) => p.id)],
      };
    },
  };
}
