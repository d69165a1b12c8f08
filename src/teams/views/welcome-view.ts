/** The card Delegate posts when it is installed or added to a conversation. */
export interface WelcomeView {
  readonly intro: string;
  /** Outcomes to try; each is also a button that sends it. */
  readonly examples: readonly string[];
  readonly closing: string;
}

export function welcomeView(scope: 'personal' | 'groupChat' | 'channel'): WelcomeView {
  const mention = scope === 'personal' ? '' : ' (mention @Delegate)';
  return {
    intro:
      'I do delegated work across Microsoft 365: tell me an outcome in your own words and I plan it, show you the plan, and run it once you approve. Before anything is sent, posted or created, I stop and show you exactly that, to approve, edit or reject. Questions I just answer.',
    examples: [
      'Email Megan Bowen a summary of my unread mail from Contoso',
      'Set up a 30 minute meeting with Megan and Adele next week about the launch',
      'What meetings do I have tomorrow?',
    ],
    closing: `Say help${mention} for everything I can do and the commands (tasks, status, pause, cancel, audit, policy).`,
  };
}
