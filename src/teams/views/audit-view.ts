import type { LedgerEntry } from '../../engine/ports';
import type { Task } from '../../engine/model';
import { absoluteInstant, zoneLabel } from '../../present/human';

export interface AuditView {
  readonly taskId: string;
  readonly title: string;
  readonly count: number;
  readonly chain: string;
  readonly entries: readonly {
    seq: number;
    text: string;
    at: string;
    actor: string;
    hash: string;
    /** The cards this entry showed (kind and content hash), as one line under it; '' for none. */
    cards: string;
  }[];
  readonly more: string;
}

/** At most this many entries on a card; the export has them all. */
const SHOWN = 40;

type Group = { entry: LedgerEntry; cards: LedgerEntry[] };

/**
 * The `audit <id>` card: the ledger in order, in plain words, times in the requester's zone. The
 * hash of each card shown is listed under the decision or change that showed it, not as an
 * entry of its own.
 */
export function auditView(task: Task, entries: readonly LedgerEntry[], chain: string): AuditView {
  const name = (actor: string): string =>
    actor === 'system'
      ? 'Delegate'
      : actor === task.requester.id
        ? task.requester.name
        : (task.names?.[actor] ?? 'someone else');
  const zone = task.timeZone ?? 'UTC';
  const groups: Group[] = [];
  for (const entry of entries) {
    const last = groups[groups.length - 1];
    if (entry.type === 'card_shown' && last) last.cards.push(entry);
    else groups.push({ entry, cards: [] });
  }
  const shown = groups.slice(-SHOWN);
  return {
    taskId: task.id,
    title: task.title,
    count: entries.length,
    chain,
    entries: shown.map(({ entry: e, cards }) => ({
      seq: e.seq,
      text: describe(e, name),
      at: `${absoluteInstant(e.at, zone)} (${zoneLabel(zone, new Date(e.at))})`,
      actor: name(e.actor),
      hash: e.hash.slice(0, 12),
      cards:
        cards.length === 0
          ? ''
          : `Cards shown: ${cards
              .map((c) => {
                const p = c.payload as Record<string, unknown>;
                return `${String(p.kind).replace(/^checkpoint:s(\d+)$/, 'step $1 checkpoint')} (sha256 ${String(p.sha256).slice(0, 12)}…, #${c.seq})`;
              })
              .join(', ')}`,
    })),
    more:
      groups.length > SHOWN
        ? `Showing the last ${SHOWN}. Export them all with: npm run audit -- export ${task.id} --format csv`
        : '',
  };
}

function describe(entry: LedgerEntry, name: (actor: string) => string): string {
  const p = entry.payload as Record<string, unknown>;
  const step = typeof p.stepId === 'string' ? ` step ${p.stepId}` : '';
  switch (entry.type) {
    case 'task_created':
      return `Task created by ${name(entry.actor)}`;
    case 'plan_version':
      return `Plan v${String(p.version)}: ${Array.isArray(p.steps) ? p.steps.length : 0} steps`;
    case 'decision':
      return p.refused
        ? `${name(entry.actor)} tried to ${String(p.verb)}${step} — refused (${String(p.refused)})`
        : `${name(entry.actor)}: ${String(p.verb)}${step}${p.edits ? ` (changed ${Object.keys(p.edits as object).join(', ')})` : ''}${p.reason ? ` — “${String(p.reason)}”` : ''}`;
    case 'step_result':
      return `Step ${String(p.stepId)} (${String(p.action)}) ${String(p.status)}, attempt ${String(p.attempt)}`;
    case 'error':
      return `Step ${String(p.stepId)} failed: ${String(p.code)}`;
    case 'task_status':
      return `Status: ${String(p.from)} → ${String(p.to)}`;
    case 'schedule':
      return `Schedule ${String(p.event).replace(/_/g, ' ')}${p.rule ? ` (${String(p.rule)})` : ''}`;
    case 'card_shown':
      return `Card shown (${String(p.kind)}), sha256 ${String(p.sha256).slice(0, 12)}…`;
    default:
      return entry.type.replace(/_/g, ' ');
  }
}
