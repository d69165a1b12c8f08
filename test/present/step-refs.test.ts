import { namedRefs } from '../../src/present/step-refs';
import { makeStep } from '../store/make-task';

describe('namedRefs: what an earlier step found, in words', () => {
  it('reads "The message (from step 1)" as "The message found in step 1", capital or not', () => {
    const search = makeStep({ id: 's1', action: 'mail.search', input: { from: 'dana', top: 1 } });
    const forward = makeStep({
      id: 's2',
      action: 'mail.forward',
      input: { messageId: { $ref: 's1.messages.0.id' }, to: ['adelev@example.com'] },
    });
    const named = namedRefs(
      {
        title: 'Forward the message (from step 1) to Adele Vance',
        target: 'Adele Vance',
        reads: 'The message (from step 1), with its attachments',
        fields: [],
      },
      forward,
      [search, forward],
    );
    expect(named.reads).toBe('The message found in step 1, with its attachments');
    expect(named.title).toBe('Forward the message found in step 1 to Adele Vance');
  });

  it('names a quoted placeholder without the quotes: "Move the meeting found in step 1 to …"', () => {
    const find = makeStep({ id: 's1', action: 'calendar.listEvents', input: { subjectContains: 'budget review' } });
    const move = makeStep({
      id: 's2',
      action: 'calendar.updateEvent',
      input: { eventId: { $ref: 's1.events.0.id' }, meetingSubject: { $ref: 's1.events.0.subject' } },
    });
    const named = namedRefs(
      {
        title: 'Move "(from step 1)" to Fri 4 Dec 2026, 16:00 (UTC)',
        target: '(from step 1)',
        reads: 'The meeting as it is now',
        fields: [{ label: 'Meeting', value: '(from step 1)' }],
      },
      move,
      [find, move],
    );
    expect(named.title).toBe('Move the meeting found in step 1 to Fri 4 Dec 2026, 16:00 (UTC)');
    expect(named.fields[0]?.value).toBe('the meeting found in step 1');
  });
});
