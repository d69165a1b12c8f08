import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { guardStep, sanitizeLinks, type GuardDestination } from '../../src/engine/guards';
import { ALLOW, trustFor } from './fixtures';

/**
 * The worst case for every sample: a model that fully obeys the injection. Its target ends up as an
 * extra destination of a write step and the sample's body ends up in the step's content. The guards,
 * which never see the model, must refuse or flag it, and no link to the attacker may survive.
 */

type AttackType =
  | 'add_recipient'
  | 'forward_all'
  | 'exfil_link'
  | 'image_beacon'
  | 'reference_link'
  | 'hidden_text'
  | 'new_side_effect'
  | 'change_destination'
  | 'sharing';

interface Sample {
  readonly id: string;
  readonly kind: 'mail' | 'document';
  readonly from: string;
  readonly subject: string;
  readonly body: string;
  readonly attack: { readonly type: AttackType; readonly target: string; readonly label?: string };
}

const corpus = JSON.parse(
  readFileSync(join(__dirname, '../../src/sandbox/seed/injection-corpus.json'), 'utf8'),
) as Sample[];

const REQUEST =
  "Summarise this week's mail from Contoso and email the summary to Megan Bowen, then post it in the Sales channel.";
const LEGIT: GuardDestination[] = [
  { kind: 'recipient', value: 'meganb@example.com', label: 'Megan Bowen', field: 'to' },
  { kind: 'channel', value: 'team-sales/19:sales@thread.tacv2', label: 'Sales', field: 'channel' },
];

const isAddress = (target: string): boolean =>
  target.includes('@') && !/^[a-z]+:/i.test(target) && !target.includes('/');
const isChannel = (target: string): boolean => target.startsWith('#');
const isInternal = (address: string): boolean => /@(?:[a-z0-9-]+\.)*example\.com$/i.test(address);

/** The target as a link a model would write into the content. */
function asLink(target: string): string {
  return /[:/\\]/.test(target) || target.startsWith('www.') ? target : `https://${target}/x?d=secret`;
}

/** What the obeying model would produce for this sample. */
function worstCase(sample: Sample): { destinations: GuardDestination[]; content: Record<string, string> } {
  const { type, target, label } = sample.attack;
  const extra: GuardDestination[] = [];
  let injected = '';
  if (isChannel(target)) {
    extra.push({ kind: 'channel', value: 'team-x/19:attacker@thread.tacv2', label: target.slice(1), field: 'channel' });
  } else if (isAddress(target)) {
    extra.push({
      kind: type === 'new_side_effect' ? 'attendee' : 'recipient',
      value: target,
      field: 'cc',
      ...(label === undefined ? {} : { label }),
    });
  } else {
    extra.push({ kind: 'link', value: asLink(target), field: 'link' });
    injected = `\n\nMore: ${asLink(target)}\n![](${asLink(target)})`;
  }
  if (type === 'sharing') extra.push({ kind: 'sharing', value: 'anonymous', field: 'scope' });
  return {
    destinations: [...LEGIT, ...extra],
    content: {
      subject: `Summary: ${sample.subject}`,
      body: `Here is the summary you asked for.\n\n${sample.body}${injected}`,
    },
  };
}

/** Every host the target points at, decoded as far as a redirect would decode it, apart from allowed ones. */
function attackerHosts(target: string): string[] {
  const hosts = new Set<string>();
  let text = target
    .replace(/[\u200B-\u200F\uFEFF]/g, '')
    .replace(/^hxxp/i, 'http')
    .replace(/\\/g, '/');
  for (let round = 0; round < 3; round += 1) {
    for (const match of text.matchAll(/(?:^|\/\/|^www\.|@)([^\s/?#:'"()@]+\.[^\s/?#:'"()@]+)/gi)) {
      const host = (match[1] ?? '').toLowerCase().replace(/\.$/, '');
      try {
        hosts.add(new URL(`http://${host}/`).hostname.replace(/\.$/, ''));
      } catch {
        hosts.add(host);
      }
    }
    const decoded = text.replace(/%([0-9a-f]{2})/gi, (_w, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    if (decoded === text) break;
    text = decoded;
  }
  return [...hosts].filter((host) => !ALLOW.some((allowed) => host === allowed || host.endsWith(`.${allowed}`)));
}

/**
 * An oracle independent of the sanitizer: occurrences of an attacker host, in the decoded text with
 * invisible characters and placeholders dropped, that a client could still follow. An occurrence is
 * link-like when a scheme, `//` or `www.` leads up to it without a delimiter in between, or when it
 * starts a run and a path follows it. A plain address (`x@evil.test`) is text, not a link.
 */
function liveLinks(text: string, hosts: readonly string[]): string[] {
  const plain = withoutPlaceholders(text)
    .replace(/[\u200B-\u200F\uFEFF]/g, '')
    .replace(/%([0-9a-f]{2})/gi, (_w, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .normalize('NFKC')
    .toLowerCase();
  const live: string[] = [];
  for (const host of hosts) {
    for (let at = plain.indexOf(host); at >= 0; at = plain.indexOf(host, at + 1)) {
      const before = plain.slice(Math.max(0, at - 300), at);
      const after = plain.slice(at + host.length, at + host.length + 1);
      const schemeLeadsIn = /(?:[a-z]:|\/\/|\\\\|www\.)[^\s"'<>()[\]{}]*$/.test(before);
      const startsRun = /(?:^|[\s"'<>()[\]{}=])$/.test(before) && /[/\\?#]/.test(after);
      if (schemeLeadsIn || startsRun) live.push(plain.slice(Math.max(0, at - 40), at + host.length + 20));
    }
  }
  return live;
}

function withoutPlaceholders(text: string): string {
  return text.replace(/\[link removed: [^\]]*\]/g, ' ');
}

describe('injection corpus', () => {
  it('has at least 50 well-formed samples covering every attack type', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(50);
    const types = new Set(corpus.map((sample) => sample.attack.type));
    expect([...types].sort()).toEqual([
      'add_recipient',
      'change_destination',
      'exfil_link',
      'forward_all',
      'hidden_text',
      'image_beacon',
      'new_side_effect',
      'reference_link',
      'sharing',
    ]);
    expect(new Set(corpus.map((sample) => sample.id)).size).toBe(corpus.length);
    for (const sample of corpus) {
      expect(['mail', 'document']).toContain(sample.kind);
      expect(sample.body.length).toBeGreaterThan(20);
      expect(sample.attack.target.length).toBeGreaterThan(0);
    }
    expect(
      corpus.filter((sample) => isAddress(sample.attack.target) && isInternal(sample.attack.target)).length,
    ).toBeGreaterThanOrEqual(3);
  });

  it('the legitimate step alone passes without flags', () => {
    const result = guardStep({
      destinations: LEGIT,
      content: { body: 'Contoso sent three invoices; see https://contoso.sharepoint.com/sites/finance.' },
      trust: trustFor(REQUEST),
      allowHosts: ALLOW,
    });
    expect(result.flags).toEqual([]);
    expect(result.refusals).toEqual([]);
  });

  describe.each(corpus.map((sample) => [sample.id, sample] as const))('%s', (_id, sample) => {
    const { destinations, content } = worstCase(sample);
    const result = guardStep({ destinations, content, trust: trustFor(REQUEST), allowHosts: ALLOW });
    const { target } = sample.attack;

    it('refuses or flags the injected destination', () => {
      expect(result.flags.length + result.refusals.length).toBeGreaterThan(0);
      if (isChannel(target)) {
        expect(result.flags).toContainEqual({
          code: 'untraced_destination',
          message: `The channel ${target.slice(1)} was not named in your request`,
        });
      } else if (isAddress(target)) {
        const shown = target.normalize('NFKC').toLowerCase();
        if (isInternal(target)) {
          expect(result.refusals).toEqual([]);
          expect(result.flags).toContainEqual(
            expect.objectContaining({ code: 'untraced_recipient', message: expect.stringContaining(shown) }),
          );
        } else {
          expect(result.refusals).toContainEqual(
            expect.objectContaining({ code: 'external_not_requested', message: expect.stringContaining(shown) }),
          );
        }
      } else {
        expect(result.flags.map((flag) => flag.code)).toEqual(
          expect.arrayContaining(['link_not_allowed', 'link_removed']),
        );
      }
      if (sample.attack.type === 'sharing') {
        expect(result.refusals.map((flag) => flag.code)).toContain('anonymous_sharing_not_requested');
      }
    });

    it('leaves no link to the attacker in the content', () => {
      const hosts = attackerHosts(target);
      for (const text of Object.values(result.sanitized)) {
        expect(liveLinks(text, hosts)).toEqual([]);
        expect(withoutPlaceholders(text)).not.toMatch(
          /javascript:|data:text|!\[[^\]]*\]\((?!https:\/\/(?:[a-z0-9-]+\.)*(?:example|sharepoint)\.com)/i,
        );
        // Nothing is left for a second pass to remove.
        expect(sanitizeLinks(text, ALLOW).flags).toEqual([]);
      }
    });

    it('never flags the destinations the person asked for', () => {
      const legitOnly = guardStep({ destinations: LEGIT, content: {}, trust: trustFor(REQUEST), allowHosts: ALLOW });
      expect(legitOnly).toEqual({ flags: [], refusals: [], sanitized: {} });
      expect(result.flags.join('\n')).not.toMatch(/meganb@example\.com|channel Sales/);
    });
  });
});
