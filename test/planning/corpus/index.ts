import calendar from './requests/calendar';
import combined from './requests/combined';
import files from './requests/files';
import fresh from './requests/fresh';
import mail from './requests/mail';
import meetings from './requests/meetings';
import people from './requests/people';
import questions from './requests/questions';
import summaries from './requests/summaries';
import tasks from './requests/tasks';
import teams from './requests/teams';
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
  fresh,
];

/** Every entry of the phrasing corpus, in file order. */
export const CORPUS: readonly CorpusEntry[] = CORPUS_FILES.flatMap((file) => file.entries);
