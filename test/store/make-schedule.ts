import { SCHEDULE_SCHEMA_VERSION, type Schedule } from '../../src/engine/schedule-model';

/** A valid schedule (Adele's weekly summary to Megan), with `overrides` applied. */
export function makeSchedule(overrides: Partial<Schedule> = {}): Schedule {
  return {
    schemaVersion: SCHEDULE_SCHEMA_VERSION,
    id: 'SABCDEF',
    title: "Summarise last week's Contoso mail and email it to Megan",
    request: "email Megan a summary of last week's mail from Contoso",
    owner: { id: 'aad-adele', name: 'Adele Vance', upn: 'adelev@contoso.example' },
    approvers: [],
    scope: { kind: 'personal', conversationId: 'conv-adele' },
    conversation: { conversation: { id: 'conv-adele' }, serviceUrl: 'https://smba.example/teams/' },
    recurrence: { rrule: 'FREQ=WEEKLY;BYDAY=MO;BYHOUR=9;BYMINUTE=0', start: '2025-03-03T00:00', timeZone: 'UTC' },
    words: 'every Monday at 9am (UTC)',
    template: [
      {
        action: 'mail.send',
        input: { to: ['meganb@contoso.example'], subject: 'Summary' },
        rationale: 'Send the summary',
        risk: 'write-internal',
        gate: 'checkpoint',
        destinations: ['meganb@contoso.example'],
        rules: ['checkpoints.write-internal'],
      },
    ],
    status: 'active',
    revision: 1,
    version: 0,
    catchUp: 'latest',
    consecutiveFailures: 0,
    nextRunAt: '2025-03-10T09:00:00.000Z',
    createdAt: '2025-03-03T08:00:00.000Z',
    updatedAt: '2025-03-03T08:00:00.000Z',
    ...overrides,
  };
}
