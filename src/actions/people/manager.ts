import { z } from 'zod';
import type { ActionSpec } from '../../engine/catalogue';
import type { GraphGateway } from '../../graph/types';
import { display } from '../common/display';
import { personAnd, personSummary, summarisePerson, type GraphPerson } from './person';

export const personInput = z.object({ person: z.string().min(1).describe('email address or directory id') });
export type PersonInput = z.infer<typeof personInput>;

export const managerOutput = z.object({ person: personSummary, manager: personSummary.nullable() });
export type ManagerOutput = z.infer<typeof managerOutput>;

export const reportsOutput = z.object({ person: personSummary, directReports: z.array(personSummary), count: z.number().int() });
export type ReportsOutput = z.infer<typeof reportsOutput>;

const preview = (what: string) => (input: Record<string, unknown>) => ({
  title: `Look up ${display(input.person)}'s ${what}`, target: display(input.person), reads: 'The organisation directory', fields: [{ label: 'Person', value: display(input.person) }],
});

export function peopleManager(gateway: GraphGateway): ActionSpec<PersonInput, ManagerOutput> {
  return {
    name: 'people.manager',
    description: "Who a person reports to, from the directory (person by email address or id). manager is null for the top of the organisation.",
    input: personInput,
    output: managerOutput,
    risk: 'read',
    permissions: { delegated: ['User.Read.All'], application: ['User.Read.All'] },
    editable: [],
    describe: preview('manager'),
    async run(input, ctx) {
      const [person, manager] = await personAnd<GraphPerson>(gateway.forUser(ctx.actor), input.person, 'manager', ctx.signal);
      const found = manager.status === 200 ? summarisePerson(manager.body) : null;
      return { output: { person: summarisePerson(person), manager: found }, provenance: [person.id, ...(found ? [found.id] : [])] };
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
      const [person, reports] = await personAnd<{ value?: GraphPerson[] }>(gateway.forUser(ctx.actor), input.person, 'directReports', ctx.signal);
      const directReports = reports.status === 200 ? (reports.body.value ?? []).map(summarisePerson) : [];
      return { output: { person: summarisePerson(person), directReports, count: directReports.length }, provenance: [person.id, ...directReports.map((p) => p.id)] };
    },
  };
}
