import { ok, type Result } from '../../result';
import { domainIntent } from '../domain';
import type { Fragment } from '../fragment';
import { step } from './words';

const RECENT = [
  /^(?:please\s+)?(?:show|list|get|give)\s+(?:me\s+)?(?:my|the)\s+(?:(\d{1,2})\s+)?(?:most\s+)?recent(?:ly\s+(?:used|opened|edited))?\s+(?:files|documents|docs)(?:\s+(?:in|on|from)\s+(?:my\s+)?onedrive)?[?.!]*$/i,
  /^(?:what|which)\s+(?:files|documents|docs)\s+(?:did|have)\s+i\s+(?:been\s+)?(?:work(?:ed|ing)?\s+on|open(?:ed)?|edit(?:ed|ing)?|use[d]?)\s+(?:recently|lately|this week)[?.!]*$/i,
];

/** "show my recent files", "which documents did I work on recently?". */
export const recentFiles = domainIntent<{ top: number }>({
  name: 'files.recent',
  parse(clause) {
    for (const pattern of RECENT) {
      const match = pattern.exec(clause.trim());
      if (match) return ok({ top: Math.min(50, Math.max(1, Number(match[1] ?? 10))) });
    }
    return undefined;
  },
  async build(spec): Promise<Result<Fragment>> {
    return ok({
      title: spec.top === 10 ? 'List your recent files' : `List your ${spec.top} most recent files`,
      steps: [step('files.listRecent', { top: spec.top }, 'List the files you used most recently in OneDrive.')],
    });
  },
});
