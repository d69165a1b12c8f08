import { runScenario, useScenarioApp } from './harness';
import { mailsWithSubject } from '../http/flow-helpers';

describe('scenarios: the walking skeleton outcomes, end to end', () => {
  const app = useScenarioApp();

  it('emails Megan a summary of unread mail from Contoso: exactly one mail arrives', async () => {
    const run = await runScenario(app(), 'Email Megan Bowen a summary of my unread mail from Contoso');
    expect(run.task.status).toBe('completed');
    expect(run.checkpoints).toHaveLength(1);
    const mails = await mailsWithSubject(app(), 'meganb@example.com', 'Contoso');
    expect(mails.filter((m) => m.subject.startsWith('Summary')).length).toBe(1);
  });
});
