import type { ChannelRef, Directory, DirectoryActor, DirectoryPerson } from '../../src/planning/directory';
import { isPersonQuestion, refusalResult, resolvePeople, withAnswers } from '../../src/planning/extract/people';
import {
  GENERAL,
  MEGAN_SMITH,
  REQUESTER,
  inputOf,
  planOf,
  playgroundDirectory,
  questionOf,
  refusalOf,
  stepsOf,
} from './playground';

/**
 * What the planner asked about an ambiguous name: a clarification question once the rule
 * planner maps person questions with `refusalResult`, an explanation until then. Either way the
 * text names every candidate; a question also offers them as options.
 */
async function whichPerson(outcome: string, options: Parameters<typeof planOf>[1]): Promise<string> {
  const result = await planOf(outcome, options);
  if (result.kind === 'question') {
    expect(result.options?.every((option) => result.question.includes(option))).toBe(true);
    return result.question;
  }
  if (result.kind === 'unplannable') return result.message;
  throw new Error(`expected a question for "${outcome}", got a plan`);
}

describe('RulePlanner: resolving people and channels', () => {
  const withTwoMegans = { directory: playgroundDirectory([MEGAN_SMITH]) };

  it('asks which person when a first name matches several, listing names and addresses', async () => {
    const message = await whichPerson('Email Megan a summary of my unread mail from Contoso', withTwoMegans);
    expect(message).toContain('several people called Megan');
    expect(message).toContain('Megan Bowen (meganb@example.com)');
    expect(message).toContain('Megan Smith (megans@example.com)');
    expect(message).toContain('Which one');
  });

  it('makes an ambiguous name a question whose options name each person exactly', async () => {
    const result = await resolvePeople(['Megan'], REQUESTER, playgroundDirectory([MEGAN_SMITH]));
    if (result.ok || !isPersonQuestion(result)) throw new Error('expected a question');
    expect(result.options).toEqual(['Megan Bowen (meganb@example.com)', 'Megan Smith (megans@example.com)']);
    expect(refusalResult(result)).toEqual({ kind: 'question', question: result.message, options: result.options });
    const notFound = await resolvePeople(['Zed'], REQUESTER, playgroundDirectory());
    if (notFound.ok) throw new Error('expected a refusal');
    expect(refusalResult(notFound)).toEqual({ kind: 'unplannable', message: notFound.message });
  });

  it('asks about one name at a time when several are ambiguous, but reports a missing person with them as a refusal', async () => {
    const directory = playgroundDirectory([
      MEGAN_SMITH,
      {
        id: 'id-adelet',
        displayName: 'Adele Thomas',
        mail: 'adelet@example.com',
        userPrincipalName: 'adelet@example.com',
      },
    ]);
    const two = await resolvePeople(['Megan', 'Adele'], REQUESTER, directory);
    if (two.ok || !isPersonQuestion(two)) throw new Error('expected a question');
    expect(two.options).toEqual(['Megan Bowen (meganb@example.com)', 'Megan Smith (megans@example.com)']);
    const mixed = await resolvePeople(['Megan', 'Zed'], REQUESTER, directory);
    expect(!mixed.ok && isPersonQuestion(mixed)).toBe(false);
  });

  it('uses the chosen option on the re-plan: that exact person, and nobody else changes', async () => {
    const question = 'I found several people called Megan: … Which one did you mean?';
    const answered = withAnswers(playgroundDirectory([MEGAN_SMITH]), [
      { question, answer: 'Megan Smith (megans@example.com)' },
    ]);
    const steps = await stepsOf('Email Megan and Adele a summary of my unread mail from Contoso', {
      directory: answered,
    });
    expect(inputOf(steps, 'mail.send')).toMatchObject({ to: ['megans@example.com', 'adelev@example.com'] });
    const byName = withAnswers(playgroundDirectory([MEGAN_SMITH]), [{ question, answer: 'megan bowen' }]);
    expect(
      inputOf(
        await stepsOf('Set up a meeting with Megan tomorrow', { directory: byName }),
        'calendar.findMeetingTimes',
      ),
    ).toMatchObject({ attendees: ['meganb@example.com'] });
    const unrelated = withAnswers(playgroundDirectory([MEGAN_SMITH]), [{ question, answer: 'the one in marketing' }]);
    expect((await questionOf('Email Megan a summary of my unread mail', { directory: unrelated })).question).toContain(
      'several people called Megan',
    );
  });

  it('asks the same for meeting attendees, and reports every problem at once', async () => {
    const message = await refusalOf('Set up a meeting with Megan and Zed tomorrow', withTwoMegans);
    expect(message).toContain('several people called Megan');
    expect(message).toContain("couldn't find anyone called Zed in your organisation");
  });

  it('takes an exact full name or address even when a prefix matches several', async () => {
    const byName = await stepsOf('Email Megan Smith a summary of unread mail', withTwoMegans);
    expect(inputOf(byName, 'mail.send')).toMatchObject({ to: ['megans@example.com'] });
    const byAddress = await stepsOf('Set up a call with meganb@example.com tomorrow', withTwoMegans);
    expect(inputOf(byAddress, 'calendar.findMeetingTimes')).toMatchObject({ attendees: ['meganb@example.com'] });
  });

  it('says so when nobody matches a name', async () => {
    expect(await refusalOf('Email Zed a summary of my unread mail')).toContain(
      "I couldn't find anyone called Zed in your organisation",
    );
    expect(await refusalOf('Set up a meeting with Bob tomorrow')).toContain(
      "I couldn't find anyone called Bob in your organisation",
    );
  });

  it('asks which channel when a name matches channels in several teams', async () => {
    const otherGeneral: ChannelRef = {
      teamId: 'team-2',
      teamName: 'Sales',
      channelId: 'chan-sales-general',
      channelName: 'General',
    };
    const directory = playgroundDirectory();
    const twoTeams: Directory = {
      findPeople: (query, actor) => directory.findPeople(query, actor),
      findChannels: async (query, actor) => [...(await directory.findChannels(query, actor)), otherGeneral],
    };
    const message = await refusalOf('Post a summary of unread mail to General', { directory: twoTeams });
    expect(message).toContain('General (My Team), General (Sales)');
    const steps = await stepsOf('Post a summary of unread mail to the General channel in Sales', {
      directory: twoTeams,
    });
    expect(inputOf(steps, 'teams.postChannelMessage')).toMatchObject({
      teamId: 'team-2',
      channelId: 'chan-sales-general',
    });
  });

  it('runs every lookup as the requester', async () => {
    const actors: DirectoryActor[] = [];
    const inner = playgroundDirectory();
    const recording: Directory = {
      findPeople: (query, actor) => (actors.push(actor), inner.findPeople(query, actor)),
      findChannels: (query, actor) => (actors.push(actor), inner.findChannels(query, actor)),
    };
    await stepsOf('Email Megan a summary of unread mail and post it to General', { directory: recording });
    expect(actors.length).toBeGreaterThanOrEqual(2);
    for (const actor of actors)
      expect(actor).toEqual({ id: 'id-alexw', upn: 'alexw@example.com', name: 'Alex Wilber' });
  });

  it('lets directory failures propagate for the engine to report', async () => {
    const failing: Directory = {
      findPeople: async (): Promise<DirectoryPerson[]> => {
        throw new Error('graph down');
      },
      findChannels: async (): Promise<ChannelRef[]> => [GENERAL],
    };
    await expect(planOf('Email Megan a summary of unread mail', { directory: failing })).rejects.toThrow('graph down');
  });
});
