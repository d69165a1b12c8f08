import type { DomainIntent } from '../domain';
import { createNoteFile } from '../files/create-note';
import { findFile } from '../files/find';
import { readFile } from '../files/read';
import { recentFiles } from '../files/recent';
import { saveSummary } from '../files/save-summary';
import { shareFile } from '../files/share';
import { summariseFile } from '../files/summarise';

/** The rule planner's files requests, tried in order (the most specific first). */
export const filesIntents: readonly DomainIntent[] = [
  createNoteFile,
  saveSummary,
  summariseFile,
  shareFile,
  readFile,
  recentFiles,
  findFile,
];
