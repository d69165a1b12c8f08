import type { PersonSummary } from './person';

/** "Megan Bowen (Marketing Manager)". */
export const who = (p: PersonSummary): string => (p.jobTitle ? `${p.displayName} (${p.jobTitle})` : p.displayName);

/** "InAMeeting" → "in a meeting", "DoNotDisturb" → "do not disturb". */
export const spaced = (value: string): string => value.replace(/(?!^)([A-Z])/g, ' $1').toLowerCase();

const DAY = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const title = (day: string): string => day.charAt(0).toUpperCase() + day.slice(1);

/** "Monday–Friday", "Monday–Thursday", or a list when the days are not consecutive. */
export function dayRange(days: readonly string[]): string {
  const idx = days
    .map((d) => DAY.indexOf(d.toLowerCase()))
    .filter((i) => i >= 0)
    .sort((a, b) => a - b);
  const first = idx[0];
  const last = idx[idx.length - 1];
  if (first === undefined || last === undefined) return 'no days';
  const consecutive = idx.every((d, i) => d === first + i);
  return consecutive && idx.length > 2
    ? `${title(DAY[first] ?? '')}–${title(DAY[last] ?? '')}`
    : idx.map((i) => title(DAY[i] ?? '')).join(', ');
}
