import { escapeHtml, textToHtml } from '../../src/actions/common/html';
import { guidFromKey } from '../../src/actions/common/keys';
import { isoDuration, fromGraphDateTime, toGraphDateTime } from '../../src/actions/common/time';
import { buildFilter, buildKql, mailSearchInput, matches } from '../../src/actions/mail/search';
import { mailSendRisk } from '../../src/actions/mail/send';
import { postedText } from '../../src/actions/teams/reconcile-post';

describe('action helpers', () => {
  it('escapes HTML and turns text into paragraphs', () => {
    expect(escapeHtml(`<b>"Tom" & 'Jerry'</b>`)).toBe('&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;');
    expect(textToHtml('Hello <team>\nline two\n\n\nNext')).toBe('<p>Hello &lt;team&gt;<br>line two</p><p>Next</p>');
    // A post's text as the reconcile compares it, whatever markup Teams kept of what was sent.
    expect(postedText('<p>Hi <at id="0">Megan</at> &amp; all</p><p>Next</p>')).toBe(
      postedText('<div>Hi <at>Megan</at> &amp; all</div>\n<div>Next</div>'),
    );
    expect(postedText('<p>Hi</p>')).not.toBe(postedText('<p>Hi!</p>'));
  });

  it('derives a stable GUID from an idempotency key', () => {
    const guid = guidFromKey('step-1');
    expect(guid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(guidFromKey('step-1')).toBe(guid);
    expect(guidFromKey('step-2')).not.toBe(guid);
  });

  it('converts times to and from Graph', () => {
    expect(toGraphDateTime('2025-03-04T10:00:00Z', 'Europe/Paris')).toEqual({
      dateTime: '2025-03-04T11:00:00',
      timeZone: 'Europe/Paris',
    });
    expect(fromGraphDateTime({ dateTime: '2025-03-04T10:00:00.0000000', timeZone: 'UTC' })).toBe(
      '2025-03-04T10:00:00Z',
    );
    expect(fromGraphDateTime({ dateTime: '2025-07-04T10:00:00.0000000', timeZone: 'America/New_York' })).toBe(
      '2025-07-04T14:00:00Z',
    );
    expect([isoDuration(30), isoDuration(60), isoDuration(90)]).toEqual(['PT30M', 'PT1H', 'PT1H30M']);
  });

  it('marks a send external when any recipient is outside the requester domain', () => {
    expect(mailSendRisk({ to: ['meganb@example.com'] }, 'alexw@example.com')).toBe('write-internal');
    expect(mailSendRisk({ to: ['meganb@example.com'], cc: ['dana@contoso.com'] }, 'alexw@example.com')).toBe(
      'write-external',
    );
    expect(mailSendRisk({ to: ['meganb@example.com'] }, undefined)).toBe('write-external');
  });

  it('builds KQL without nested quotes and a filter led by receivedDateTime', () => {
    const input = mailSearchInput.parse({
      from: 'Contoso "Ltd"',
      subject: 'budget q3',
      unread: true,
      since: '2025-03-01T00:00:00Z',
    });
    expect(buildKql(input)).toBe('"from:Contoso from:Ltd subject:budget subject:q3"');
    expect(buildFilter(input)).toBe('receivedDateTime ge 2025-03-01T00:00:00.000Z and isRead eq false');
    expect(buildKql(mailSearchInput.parse({ unread: true }))).toBeUndefined();
  });

  it('enforces the criteria on what search returned', () => {
    const input = mailSearchInput.parse({ from: 'contoso', unread: true });
    const base = { id: '1', subject: 'x', receivedDateTime: '2025-03-01T00:00:00Z', bodyPreview: '', isRead: false };
    expect(matches({ ...base, from: { name: 'Dana', address: 'dana@contoso.com' } }, input)).toBe(true);
    expect(matches({ ...base, from: { name: 'Dana', address: 'dana@notcontoso.com' } }, input)).toBe(false);
    expect(matches({ ...base, isRead: true, from: { name: 'Dana', address: 'dana@contoso.com' } }, input)).toBe(false);
  });
});
