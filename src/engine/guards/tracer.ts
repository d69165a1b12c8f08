import { containsAddress, parseAddress } from './address';
import type { TrustContext } from './trust';
import { containsWord, normaliseForMatch, wholeWordIndexes } from './text';

/** The forms of a display name a person would type: the full name and the first name. */
export function nameForms(name: string): { full: string[]; first?: string } {
  // Names are short; a longer "name" is not one a person would type, and the cap keeps this linear.
  const plain = normaliseForMatch(name.slice(0, 200))
    .replace(/\([^)]*\)|<[^>]*>|\[[^\]]*\]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (plain === '' || plain.includes('@') || !/\p{L}/u.test(plain)) return { full: [] };
  const comma = plain.indexOf(',');
  // "Bowen, Megan" is how some directories list people; people type "Megan Bowen" or "Megan".
  const ordered = comma >= 0 ? `${plain.slice(comma + 1).trim()} ${plain.slice(0, comma).trim()}`.trim() : plain;
  const full = [...new Set([plain.replace(/,/g, ''), ordered].filter((form) => form.length >= 2))];
  const first = ordered.split(' ', 1)[0];
  return first !== undefined && first.length >= 2 && /\p{L}/u.test(first) ? { full, first } : { full };
}

const NEGATORS = new Set(['not', 'no', 'never', 'without', 'nobody', 'dont', 'nor']);

/**
 * Answers "did the person ask for this?" against the request texts of a {@link TrustContext}.
 * Built once per check: texts, directory and name owners are normalised up front.
 */
export class Tracer {
  private readonly texts: readonly string[];
  private readonly requesterUpn: string | undefined;
  private readonly directory = new Map<string, string>();
  /** Normalised full and first names from the directory → the addresses that carry them. */
  private readonly nameOwners = new Map<string, Set<string>>();

  constructor(trust: TrustContext) {
    const texts = Array.isArray(trust.requestTexts) ? trust.requestTexts : [];
    this.texts = texts.filter((text): text is string => typeof text === 'string').map(normaliseForMatch);
    this.requesterUpn = trust.requester?.upn === undefined ? undefined : parseAddress(trust.requester.upn)?.address;
    for (const [key, name] of trust.directoryNames ?? []) {
      const address = parseAddress(key)?.address;
      if (address === undefined || typeof name !== 'string') continue;
      this.directory.set(address, name);
      const forms = nameForms(name);
      for (const form of [...forms.full, ...(forms.first === undefined ? [] : [forms.first])]) {
        const owners = this.nameOwners.get(form) ?? new Set<string>();
        owners.add(address);
        this.nameOwners.set(form, owners);
      }
    }
  }

  /** The address occurs, as a whole address, in something the person wrote. */
  namesAddress(address: string): boolean {
    return this.texts.some((text) => containsAddress(text, address));
  }

  isRequester(address: string): boolean {
    return this.requesterUpn !== undefined && this.requesterUpn === address;
  }

  /**
   * The person behind the address is named: their directory display name (or, when the
   * directory does not know the address, the destination's label) occurs as a full name or a
   * first name. A label never counts for a name the directory gives to someone else, so an
   * injected `Megan <megan@evil.test>` is not traced by a request that mentions Megan Bowen.
   */
  namesPerson(address: string, label: string | undefined): boolean {
    const known = this.directory.get(address);
    const name = known ?? label;
    if (name === undefined) return false;
    const forms = nameForms(name);
    const candidates = [...forms.full, ...(forms.first === undefined ? [] : [forms.first])];
    return candidates.some((form) => {
      if (known === undefined && this.ownedByOther(form, address)) return false;
      return this.texts.some((text) => containsWord(text, form));
    });
  }

  /** A word or phrase (already meaningful to a person, e.g. a channel name) occurs. */
  namesPhrase(phrase: string): boolean {
    const normal = normaliseForMatch(phrase).trim();
    return normal !== '' && this.texts.some((text) => containsWord(text, normal));
  }

  /** The literal string occurs anywhere (e.g. an id the person pasted). */
  contains(value: string): boolean {
    const normal = normaliseForMatch(value).trim();
    return normal.length >= 8 && this.texts.some((text) => text.includes(normal));
  }

  /**
   * One of the words occurs and is not negated by one of the four words before it in the
   * same sentence ("make it public" counts, "don't make it public" does not).
   */
  affirms(words: readonly string[]): boolean {
    return this.texts.some((text) =>
      words.some((word) => wholeWordIndexes(text, word).some((at) => !negated(text.slice(Math.max(0, at - 80), at)))),
    );
  }

  private ownedByOther(form: string, address: string): boolean {
    const owners = this.nameOwners.get(form);
    return owners !== undefined && [...owners].some((owner) => owner !== address);
  }
}

function negated(before: string): boolean {
  const sentence = before.split(/[.!?;\n]/).pop() ?? '';
  const words = sentence
    .split(/[^\p{L}\p{N}']+/u)
    .filter((word) => word !== '')
    .slice(-4);
  return words.some((word) => NEGATORS.has(word.replace(/'/g, '')) || word.endsWith("n't"));
}
