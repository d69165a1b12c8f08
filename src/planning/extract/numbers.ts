const WORDS: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fourteen: 14,
  fifteen: 15,
  twenty: 20,
  'twenty-four': 24,
  'twenty four': 24,
  thirty: 30,
  forty: 40,
  'forty-five': 45,
  'forty five': 45,
  fifty: 50,
  sixty: 60,
  ninety: 90,
};

/** A regex source matching a number in digits or words ("30", "1.5", "forty-five", "an"). */
export const NUMBER = `(?:\\d+(?:\\.\\d+)?|${Object.keys(WORDS)
  .sort((a, b) => b.length - a.length)
  .join('|')})`;

/** The value of a {@link NUMBER} match. */
export function parseNumber(text: string): number | undefined {
  const word = WORDS[text.trim().toLowerCase()];
  if (word !== undefined) return word;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}
