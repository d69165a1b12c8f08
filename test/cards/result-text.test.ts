import { clip, cleanText, httpsUrl, linesOf, oneLine } from '../../src/teams/views/result-text';
import { between, dueDay, when } from '../../src/teams/views/result-when';

/** The small rules under the result card's answers: clipping, cleaning, links and times. */
describe('answer text', () => {
  it('clips at a word boundary with "…", and leaves short text alone', () => {
    expect(clip('short', 10)).toEqual({ text: 'short', clipped: false });
    expect(clip('The launch is on the fourteenth of March, in Redmond', 40)).toEqual({
      text: 'The launch is on the fourteenth of…',
      clipped: true,
    });
    // No space near the end: cut where the limit is, rather than lose most of the text.
    expect(clip('Thelaunchisonthefourteenthof March', 20)).toEqual({ text: 'Thelaunchisonthefou…', clipped: true });
  });

  it('never cuts an emoji in half', () => {
    const { text } = clip(`${'a'.repeat(8)}😀😀😀`, 10);
    expect(text).toBe(`${'a'.repeat(8)}…`);
    expect(text).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });

  it('takes out control characters and direction overrides, and keeps tabs, line breaks and other scripts', () => {
    expect(cleanText('a\u0000b\u0007c\u202Ed\u2066e\tf\r\ng שלום')).toBe('abcde\tf\ng שלום');
  });

  it('makes one line of a title', () => {
    expect(oneLine('  Re:\n\nthe   launch\t ', 80)).toBe('Re: the launch');
  });

  it('keeps paragraphs as gaps and stops at the line limit', () => {
    expect(linesOf('a\n\n\nb\nc', 100, 10)).toEqual({
      lines: [
        { text: 'a', gap: false },
        { text: 'b', gap: true },
        { text: 'c', gap: false },
      ],
      clipped: false,
    });
    expect(linesOf('a\nb\nc', 100, 2)).toEqual({
      lines: [
        { text: 'a', gap: false },
        { text: 'b…', gap: false },
      ],
      clipped: true,
    });
  });

  it.each([
    ['https://contoso.sharepoint.com/a b', ''],
    ['https://', ''],
    ['http://contoso.sharepoint.com/a', ''],
    ['javascript:alert(1)', ''],
    ['HTTPS://contoso.sharepoint.com/a', ''],
    [42, ''],
    ['https://contoso.sharepoint.com/a', 'https://contoso.sharepoint.com/a'],
  ])('links %j as %j', (value, expected) => {
    expect(httpsUrl(value)).toBe(expected);
  });
});

describe('answer times', () => {
  it('shows an instant in UTC and says so, a wall-clock time as it is, and anything else unchanged', () => {
    expect(when('2025-03-06T09:05:00Z')).toBe('Thu 6 Mar 2025, 09:05 UTC');
    expect(when('2025-03-06T09:05:00+01:00')).toBe('Thu 6 Mar 2025, 08:05 UTC');
    expect(when('2025-03-06T09:05:00.0000000')).toBe('Thu 6 Mar 2025, 09:05');
    expect(when('2025-03-06')).toBe('Thu 6 Mar 2025');
    expect(when('Friday')).toBe('Friday');
  });

  it('shows a range on one day once, and both days otherwise', () => {
    expect(between('2025-03-06T09:00:00', '2025-03-06T09:30:00')).toBe('Thu 6 Mar 2025, 09:00–09:30');
    expect(between('2025-03-06T23:00:00Z', '2025-03-07T01:00:00Z')).toBe(
      'Thu 6 Mar 2025, 23:00 UTC – Fri 7 Mar 2025, 01:00 UTC',
    );
  });

  it('shows a due day kept as midnight UTC as the day alone', () => {
    expect(dueDay('2025-03-10T00:00:00Z')).toBe('Mon 10 Mar 2025');
    expect(dueDay('2025-03-10T17:00:00Z')).toBe('Mon 10 Mar 2025, 17:00 UTC');
  });
});
