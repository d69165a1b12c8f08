import { z } from 'zod';
import type { LedgerSeal } from '../engine/ports';

/**
 * The anchor file an auditor keeps outside the database: one signed chain head per line (JSON
 * Lines), appended by `npm run audit -- anchor`. Each line is a seal the running bot made, so
 * the file proves nothing on its own authority: `verify` checks every line's signature, then
 * that the ledger still holds that entry with that hash (it was neither cut back nor rewritten).
 */

export const ANCHOR_FORMAT = 'delegate-ledger-anchor/1';

const anchorLine = z.object({
  format: z.literal(ANCHOR_FORMAT),
  seq: z.number().int().positive(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  keyId: z.string().min(1),
  signature: z.string().min(1),
  anchoredAt: z.string(),
});

/** One line of the anchor file for this seal. */
export function formatAnchor(seal: LedgerSeal, anchoredAt: Date): string {
  const { seq, hash, keyId, signature } = seal;
  return `${JSON.stringify({ format: ANCHOR_FORMAT, seq, hash, keyId, signature, anchoredAt: anchoredAt.toISOString() })}\n`;
}

/** The seals in an anchor file's text; throws naming the first line that is not an anchor. */
export function parseAnchors(text: string): LedgerSeal[] {
  const seals: LedgerSeal[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      value = undefined;
    }
    const parsed = anchorLine.safeParse(value);
    if (!parsed.success) throw new Error(`line ${index + 1} is not a ledger anchor`);
    const { seq, hash, keyId, signature } = parsed.data;
    seals.push({ seq, hash, keyId, signature });
  });
  return seals;
}
