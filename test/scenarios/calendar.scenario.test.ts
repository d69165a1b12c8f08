import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { mailsWithSubject } from '../http/flow-helpers';
import { TEST_NOW } from '../support/clock';
import { runScenario, useScenarioApp } from './harness';

interface StoredEvent {
  subject: string;
  isCancelled: boolean;
  start: { dateTime: string };
  end: { dateTime: string };
  attendees: Array<{ emailAddress: { address: string }; status: { response: string } }>;
}

const ALEX = 'alexw@example.com';
const MEGAN = 'meganb@example.com';
const ADELE = 'adelev@example.com';

// Destructive steps run only where the policy allows them: this tenant's policy says so explicitly.
const policyDir = mkdtempSync(join(tmpdir(), 'delegate-calendar-policy-'));
const policyFile = join(policyDir, 'policy.yaml');
writeFileSync(policyFile, 'version: 1\nactions:\n  allow: ["*"]\n  destructive: true\n');
afterAll(() => rmSync(policyDir, { recursive: true, force: true }));

describe('scenarios: changing, cancelling and answering meetings, end to end', () => {
  const app = useScenarioApp({ POLICY_FILE: policyFile });

  const eventsOf = async (upn: string, subject: string): Promise<StoredEvent[]> =>
    (
      await app().graph<{ value: StoredEvent[] }>(
        `/users/${upn}/events?$filter=${encodeURIComponent(`subject eq '${subject}'`)}`,
      )
    ).value;

  it("moves Alex's Website copy review to Friday at 3pm: Megan's copy moves too", async () => {
    const run = await runScenario(app(), 'Move the Website copy review to Friday at 3pm');
    expect(run.task.status).toBe('completed');
    expect(run.checkpoints).toHaveLength(1);
    const now = DateTime.fromJSDate(TEST_NOW, { zone: 'UTC' });
    const friday = now
      .startOf('day')
      .plus({ days: (5 - now.weekday + 7) % 7 || 7 })
      .set({ hour: 15 });
    const [megans, ...others] = await eventsOf(MEGAN, 'Website copy review');
    expect(others).toEqual([]);
    expect(megans?.start.dateTime).toBe(`${friday.toFormat("yyyy-MM-dd'T'HH:mm:ss")}.0000000`);
    expect(megans?.end.dateTime).toBe(`${friday.plus({ minutes: 30 }).toFormat("yyyy-MM-dd'T'HH:mm:ss")}.0000000`);
    expect((await eventsOf(ALEX, 'Website copy review'))[0]?.start.dateTime).toBe(megans?.start.dateTime);
  });

  it('cancels the Brand refresh kickoff with a reason: cancelled for Megan and Adele, gone for Alex', async () => {
    const run = await runScenario(
      app(),
      'Cancel the Brand refresh kickoff and tell them the agency needs another week',
    );
    expect(run.task.status).toBe('completed');
    expect(run.checkpoints).toHaveLength(1);
    expect(await eventsOf(ALEX, 'Brand refresh kickoff')).toEqual([]);
    for (const upn of [MEGAN, ADELE]) {
      const copies = await eventsOf(upn, 'Canceled: Brand refresh kickoff');
      expect(copies.map((e) => e.isCancelled)).toEqual([true]);
      const notices = await mailsWithSubject(app(), upn, 'Canceled: Brand refresh kickoff');
      expect(notices).toHaveLength(1);
      expect(notices[0]?.body.content).toContain('The agency needs another week.');
    }
  });

  it("accepts Megan's Spring campaign retrospective invitation: Megan sees Alex's acceptance", async () => {
    const before = (await eventsOf(MEGAN, 'Spring campaign retrospective'))[0]?.attendees.find(
      (a) => a.emailAddress.address === ALEX,
    );
    expect(before?.status.response).toBe('none');
    const run = await runScenario(app(), 'Accept the Spring campaign retrospective invitation');
    expect(run.task.status).toBe('completed');
    const after = (await eventsOf(MEGAN, 'Spring campaign retrospective'))[0]?.attendees.find(
      (a) => a.emailAddress.address === ALEX,
    );
    expect(after?.status.response).toBe('accepted');
    expect(await mailsWithSubject(app(), MEGAN, 'Accepted: Spring campaign retrospective')).toHaveLength(1);
  });

  it("lists next week's meetings without a checkpoint", async () => {
    const run = await runScenario(app(), 'List my meetings next week');
    expect(run.task.status).toBe('completed');
    expect(run.checkpoints).toHaveLength(0);
    const output = run.task.plan.steps[0]?.output as { events: Array<{ subject: string }> };
    expect(output.events.map((e) => e.subject)).toContain('Marketing weekly sync');
  });
});
