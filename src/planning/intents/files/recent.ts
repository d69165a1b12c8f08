import { ok, type Result } from '../../result';
import { domainIntent } from '../domain';
import type { Fragment } from '../fragment';
import { step } from './words';

const RECENT = [
  /^(?:please\s+)?(?:show|list|get|give)\s+(?:me\s+)?(?:my|the)\s+(?:most\s+)?recent(?:ly\s+(?:used|opened|edited))?\s+(?:files|documents|docs)(?:\s+(?:in|on|from)\s+(?:my\s+)?onedrive)?[?.!]*$/i,
  /^(?:what|which)\s+(?:files|documents|docs)\s+(?:did|have)\s+i\s+(?:been\s+)?(?:work(?:ed|ing)?\s+on|open(?:ed)?|edit(?:ed|ing)?|use[d]?)\s+(?:recently|lately|this week)[?.!]*$/i,
];

/** "show my recent files", "which documents did I work on recently?". */
export const recentFiles = domainIntent<{ top: number }>({
  name: 'files.recent',
  parse(clause) {
    return RECENT.some((pattern) => pattern.test(clause.trim())) ? ok({ top: 10 }) : undefined;
  },
  async build(spec): Promise<Result<Fragment>> {
    return ok({
      title: 'List your recent files',
      steps: [step('files.listRecent', { top: spec.top }, 'List the files you used most recently in OneDrive.')],
    });
  },
});
