import calendar from './data/calendar';
import combined from './data/combined';
import files from './data/files';
import mail from './data/mail';
import meetings from './data/meetings';
import people from './data/people';
import questions from './data/questions';
import summaries from './data/summaries';
import tasks from './data/tasks';
import teams from './data/teams';
import type { CorpusEntry, CorpusFile } from './types';

export { CORPUS_NOW, CORPUS_ZONE } from './clock';
export type { CorpusEntry, CorpusFile, SlotMatcher, Slots } from './types';

/** Every corpus file, one per domain. */
export const CORPUS_FILES: readonly CorpusFile[] = [
  summaries,
  mail,
  meetings,
  calendar,
  files,
  teams,
  tasks,
  people,
  combined,
  questions,
];

/** Every entry of the phrasing corpus, in file order. */
export const CORPUS: readonly CorpusEntry[] = CORPUS_FILES.flatMap((file) => file.entries);
