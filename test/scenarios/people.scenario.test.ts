import { runScenario, useScenarioApp } from './harness';

describe('scenarios: questions about people, end to end', () => {
  const app = useScenarioApp();

  it("answers who Megan's manager is from the directory", async () => {
    const run = await runScenario(app(), "who is Megan's manager");
    expect(run.task.status).toBe('completed');
    expect(run.checkpoints).toHaveLength(0);
    expect(run.task.plan.steps[0]?.output).toMatchObject({
      person: { displayName: 'Megan Bowen' },
      manager: { displayName: 'Patti Fernandez' },
      answer: 'Megan Bowen reports to Patti Fernandez (President).',
    });
  });

  it('tells whether Megan is available right now', async () => {
    const run = await runScenario(app(), 'is Megan available');
    expect(run.task.status).toBe('completed');
    expect(run.task.plan.steps[0]?.output).toMatchObject({
      presences: [{ name: 'Megan Bowen', availability: 'Busy', activity: 'InAMeeting' }],
    });
  });

  it("reads Lynne's working hours in her own zone, without opening her mailbox", async () => {
    const run = await runScenario(app(), "what are Lynne's working hours");
    expect(run.task.status).toBe('completed');
    expect(run.task.plan.steps[0]?.output).toMatchObject({
      timeZone: 'Europe/Berlin',
      workingHours: { startTime: '08:30', endTime: '16:30' },
    });
    // The sandbox still refuses Alex Lynne's mailbox itself.
    await expect(app().graph('/users/lynner@example.com/mailboxSettings', 'alexw@example.com')).rejects.toThrow(/403/);
  });
});
