/**
 * What a request's text may name: people-like words and email addresses. Deliberately
 * generous (a wasted directory lookup is cheap, a missing candidate makes the model guess
 * or ask) but bounded, so a long message cannot fan out into many lookups.
 */

/** At most this many directory lookups per plan. */
export const MAX_LOOKUPS = 12;

const ADDRESS = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const CAPITALISED = /(?<![\p{L}\p{N}@._-])\p{Lu}[\p{L}'’-]+/gu;
/** Lower-case names are common in chat ("email megan"): take the word after these. */
// The name is captured inside a lookahead so that "and email alex" yields both "email" and "alex".
const AFTER_TRIGGER =
  /\b(?:with|to|email|e-mail|mail|invite|inviting|cc|and|ask|tell|message|ping|for)\s+(?=([\p{L}][\p{L}'’-]+))/giu;

/** Words that are never worth a directory lookup (verbs, time words, pronouns, fillers). */
const NOT_NAMES = new Set(
  `a an the and or but to with for from of in on at by about into this that these those it its
   i me my mine myself we us our you your he him his she her they them their everyone everybody all
   please thanks thank hi hello hey can could would should will shall let lets let's do does make
   email e-mail mail mails send sent forward reply post share summarise summarize summary
   schedule book set setup arrange organise organize plan create find invite meet meeting meetings call
   message messages chat channel channel's team teams general unread read inbox note notes update
   today tomorrow yesterday tonight morning afternoon evening noon midnight week weeks weekend day days
   next last this coming before after between until within minutes minute hours hour mins min
   monday tuesday wednesday thursday friday saturday sunday
   january february march april may june july august september october november december
   jan feb mar apr jun jul aug sep sept oct nov dec
   am pm utc gmt ok okay yes no not new some any every each other more most up out`.split(/\s+/),
);

/** Email addresses in the text, lower-cased, in order of appearance. */
export function addressesIn(text: string): string[] {
  return [...new Set((text.match(ADDRESS) ?? []).map((address) => address.toLowerCase()))];
}

/** A short answer to a question ("adele", "Megan Bowen") is likely all names: every word counts. */
const SHORT_ANSWER_WORDS = 8;
const WORD = /[\p{L}][\p{L}'’-]+/gu;

/**
 * Words worth looking up in the directory: addresses first, then possible names. `answers` are
 * replies to the planner's questions, where short ones are taken word by word.
 */
export function lookupsIn(texts: readonly string[], answers: readonly string[] = []): string[] {
  const all = [...texts, ...answers];
  const addresses = all.flatMap(addressesIn);
  const names: string[] = [];
  for (const text of all) {
    const withoutAddresses = text.replace(ADDRESS, ' ');
    names.push(...(withoutAddresses.match(CAPITALISED) ?? []));
    for (const match of withoutAddresses.matchAll(AFTER_TRIGGER)) if (match[1]) names.push(match[1]);
  }
  for (const answer of answers) {
    const words = answer.replace(ADDRESS, ' ').match(WORD) ?? [];
    if (words.length <= SHORT_ANSWER_WORDS) names.push(...words);
  }
  const wanted = names.map(tidyName).filter((name) => name.length > 1 && !NOT_NAMES.has(name.toLowerCase()));
  const unique = [...new Map([...addresses, ...wanted].map((query) => [query.toLowerCase(), query])).values()];
  return unique.slice(0, MAX_LOOKUPS);
}

function tidyName(word: string): string {
  return word.replace(/['’]s$/i, '').replace(/['’-]+$/, '');
}
