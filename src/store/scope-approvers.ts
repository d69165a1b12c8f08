import { z } from 'zod';
import type { ScopeApprovers } from '../engine/ports';
import { PersistedDataError } from '../engine/upgrade';

const doc = z.object({ approvers: z.array(z.string().min(1)) });

/** A scope's approvers as stored (sorted, without duplicates, so equal sets store equally). */
export function encodeScopeApprovers(approvers: readonly string[]): string {
  return JSON.stringify({ approvers: [...new Set(approvers)].sort() });
}

export function decodeScopeApprovers(version: number, text: string): ScopeApprovers {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new PersistedDataError('scope approvers: stored document is not JSON');
  }
  const result = doc.safeParse(parsed);
  if (!result.success) throw new PersistedDataError('scope approvers: stored document has the wrong shape');
  return { approvers: result.data.approvers, version };
}
