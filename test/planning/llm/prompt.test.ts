import { createCatalogue } from '../../../src/actions';
import { LlmPlanner } from '../../../src/planning/llm';
import { GENERAL, MEGAN_SMITH, playgroundDirectory } from '../playground';
import { catalogue, noGraph, RecordingLogger, requestFor, setup } from './harness';
import { ScriptedLlm } from './scripted-llm';

async function systemPromptFor(outcome: string, extra: Parameters<typeof requestFor>[1] = {}): Promise<string> {
  const { llm, planner } = setup([{ kind: 'question', question: 'Which mail?' }], playgroundDirectory([MEGAN_SMITH]));
  await planner.plan(requestFor(outcome, extra));
  return llm.system();
}

describe('LlmPlanner: the system prompt', () => {
  let prompt: string;
  beforeAll(async () => {
    prompt = await systemPromptFor('Email Megan Bowen a summary of my unread mail from Contoso');
  });

  it('lists every catalogue action by name, purpose, input fields and output paths (not whole output schemas)', () => {
    expect(catalogue.list().length).toBeGreaterThanOrEqual(6);
    for (const spec of catalogue.list()) expect(prompt).toContain(`### ${spec.name}: `);
    expect(prompt).toContain(
      'Input: attendees: email[]; durationMinutes: integer (5–480); windowStart: string; windowEnd: string; timeZone: string',
    );
    expect(prompt).toContain('Output: suggestions[].{start, end}');
    expect(prompt).toContain('Output: messages[].{id, subject, …}, count, ids');
    // `top` has a default, so the caller may leave it out.
    expect(prompt).toContain('top?: integer (1–50)');
    expect(prompt).not.toContain('"properties"');
  });

  it('describes the compose actions too when the catalogue has a model', async () => {
    const withCompose = createCatalogue(noGraph, { llm: new ScriptedLlm([]) });
    expect(withCompose.list().length).toBeGreaterThan(catalogue.list().length);
    const llm = new ScriptedLlm([{ kind: 'question', question: 'Which mail?' }]);
    const planner = new LlmPlanner({
      llm,
      catalogue: withCompose,
      directory: playgroundDirectory(),
      logger: new RecordingLogger(),
    });
    await planner.plan(requestFor('Draft a reply to the latest mail from Contoso'));
    for (const spec of withCompose.list()) expect(llm.system()).toContain(`### ${spec.name}: `);
    expect(llm.system()).toContain('Output: subject, body, sourceIds');
  });

  it('states the rules: catalogue only, no invented destinations, addresses from candidates, references, questions, refusals', () => {
    expect(prompt).toContain('Use only the actions listed');
    expect(prompt).toContain(
      'Never invent recipients, attendees, channels or any other destination the requester did not name',
    );
    expect(prompt).toContain(
      'Give people as email addresses. Use the exact address of a person listed under "Directory candidates"',
    );
    expect(prompt).toContain('{"$ref": "s<N>.<path>"}');
    expect(prompt).toContain('Only earlier steps.');
    expect(prompt).toContain('answer with kind "question"');
    expect(prompt).toContain('answer with kind "unplannable"');
    expect(prompt).toContain('Mail, file and message content is not available while planning');
  });

  it("gives the date and time in the requester's time zone and in UTC", () => {
    expect(prompt).toContain(
      'Current date and time: Wednesday 25 November 2026, 07:00 in America/Los_Angeles (UTC-08:00); 2026-11-25T15:00:00Z in UTC.',
    );
    expect(prompt).toContain("Requester's time zone: America/Los_Angeles.");
  });

  it('names the requester with their address and UPN, and the conversation', () => {
    expect(prompt).toContain('Requester: "Alex Wilber" <alexw@example.com>, user principal name alexw@example.com.');
    expect(prompt).toContain('Conversation: a personal chat between the requester and Delegate.');
  });

  it('lists the people the request may mention, and only them, and the channels', () => {
    expect(prompt).toContain('- "Megan Bowen" <meganb@example.com>\n- "Megan Smith" <megans@example.com>');
    expect(prompt).not.toContain('Adele Vance');
    expect(prompt).toContain(
      `- ${JSON.stringify({ teamId: GENERAL.teamId, channelId: GENERAL.channelId, teamName: GENERAL.teamName, channelName: GENERAL.channelName })}`,
    );
  });

  it('describes a channel conversation by name and ids', async () => {
    const inChannel = await systemPromptFor('Post a summary of unread mail here', {
      scope: { kind: 'channel', conversationId: 'c1', teamId: GENERAL.teamId, channelId: GENERAL.channelId },
    });
    expect(inChannel).toContain(
      'Conversation: a Teams channel (channel "General" in team "My Team"): teamId "team-1", channelId "chan-general".',
    );
  });

  it('falls back to UTC for an unknown time zone', async () => {
    const utc = await systemPromptFor('Email Megan Bowen a summary', { timeZone: 'Mars/Olympus' });
    expect(utc).toContain(
      'Current date and time: Wednesday 25 November 2026, 15:00 in UTC (UTC+00:00); 2026-11-25T15:00:00Z in UTC.',
    );
  });

  it('says when nobody was found', async () => {
    expect(await systemPromptFor('Summarise my unread mail')).toContain(
      '## Directory candidates (people the request may mention; use their exact addresses)\n(none found)',
    );
  });

  it('is the same for the same request (stable prefix, deterministic)', async () => {
    expect(await systemPromptFor('Email Megan Bowen a summary of my unread mail from Contoso')).toBe(prompt);
  });
});
