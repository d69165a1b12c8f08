import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { formatPath, positionOf } from './positions';
import { policySchema, type Policy } from './schema';

/** One problem in a policy file, where an admin would fix it. */
export interface PolicyError {
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;
  /** `rules[1].require.quorum`; `(yaml)` for syntax errors, `(root)` for the whole document. */
  readonly path: string;
  readonly message: string;
}

/** A parsed policy, or every problem found in it. */
export type ParseResult =
  | { readonly ok: true; readonly policy: Policy; readonly source?: string }
  | { readonly ok: false; readonly errors: readonly PolicyError[]; readonly source?: string };

/**
 * Parse and validate a YAML policy. Syntax errors are all reported together; when there are
 * none, every schema problem is reported, each pointing at its line and column. Schema checks are
 * skipped after syntax errors because a half-read document only produces misleading noise.
 */
export function parsePolicy(text: string, source?: string): ParseResult {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const withSource = <T extends object>(result: T) => (source === undefined ? result : { ...result, source });
  if (doc.errors.length > 0) {
    const errors = doc.errors.map((error) => {
      const pos = lines.linePos(error.pos[0]);
      return { line: pos.line, column: pos.col, path: '(yaml)', message: error.message.split('\n')[0] ?? error.code };
    });
    return withSource({ ok: false as const, errors: sorted(errors) });
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // Only alias bombs get here: the document parsed but expanding it is unreasonable.
    return withSource({
      ok: false as const,
      errors: [
        {
          line: 1,
          column: 1,
          path: '(yaml)',
          message: error instanceof Error ? error.message : 'cannot read the document',
        },
      ],
    });
  }
  const parsed = policySchema.safeParse(data ?? undefined);
  if (parsed.success) return withSource({ ok: true as const, policy: parsed.data });
  const errors = parsed.error.issues.flatMap((issue): PolicyError[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => {
        const path = [...issue.path, key];
        return { ...positionOf(doc, lines, path, true), path: formatPath(path), message: `unknown key "${key}"` };
      });
    }
    return [
      {
        ...positionOf(doc, lines, issue.path),
        path: formatPath(issue.path),
        message: messageFor(issue, valueAt(data, issue.path)),
      },
    ];
  });
  return withSource({ ok: false as const, errors: sorted(errors) });
}

function messageFor(issue: z.core.$ZodIssue, value: unknown): string {
  if (issue.path.length === 0 && issue.code === 'invalid_type')
    return 'the policy must be a YAML mapping of sections (e.g. "version: 1")';
  if (value === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) {
    return issue.message.startsWith('Invalid input') ? 'is required' : `is required and ${issue.message}`;
  }
  if (issue.code === 'invalid_type') return `expected ${issue.expected}, got ${describe(value)}`;
  return issue.message;
}

function describe(value: unknown): string {
  if (value === null) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  return `${typeof value} ${String(value)}`;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

function sorted(errors: PolicyError[]): PolicyError[] {
  return errors.sort((a, b) => a.line - b.line || a.column - b.column);
}
