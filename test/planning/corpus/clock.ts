/**
 * The pinned moment every corpus request is planned at: Wednesday 2 December 2026, 10:00 in
 * London (UTC+0 in winter). Relative words in the corpus resolve against it:
 *
 * | Words | Dates |
 * | --- | --- |
 * | today / tomorrow / yesterday | Wed 2 / Thu 3 / Tue 1 Dec |
 * | Friday, this Friday, end of the week | Fri 4 Dec |
 * | this week (so far) / since Monday | Mon 30 Nov 00:00 → now |
 * | last week | Mon 23 Nov → Mon 30 Nov |
 * | this month | Tue 1 Dec 00:00 → now |
 * | next week, Monday, next Tuesday | Mon 7 – Fri 11 Dec; Mon 7; Tue 8 Dec |
 */
export const CORPUS_ZONE = 'Europe/London';
export const CORPUS_NOW = new Date('2026-12-02T10:00:00Z');
