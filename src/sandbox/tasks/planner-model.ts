import { createHash, randomBytes } from 'node:crypto';

/** Document kinds of the Planner feature in the sandbox's generic table. */
export const PLAN = 'planner.plan';
export const BUCKET = 'planner.bucket';
export const TASK = 'planner.task';
export const DETAILS = 'planner.details';

/** Graph's `identitySet` with only a user, as Planner writes `createdBy`/`assignedBy`. */
export interface UserIdentity {
  readonly user: { readonly id: string; readonly displayName: string | null };
}

/** One entry of a task's `assignments` map (keyed by user id). */
export interface PlannerAssignment {
  readonly '@odata.type': '#microsoft.graph.plannerAssignment';
  readonly assignedDateTime: string;
  readonly orderHint: string;
  readonly assignedBy: UserIdentity;
}

/** A plannerPlan as Graph returns it. */
export interface PlannerPlan {
  readonly '@odata.etag': string;
  readonly id: string;
  readonly title: string;
  readonly owner: string;
  readonly createdDateTime: string;
  readonly createdBy: UserIdentity;
  readonly container: { readonly containerId: string; readonly type: 'group'; readonly url: string };
}

/** A plannerBucket as Graph returns it. */
export interface PlannerBucket {
  readonly '@odata.etag': string;
  readonly id: string;
  readonly name: string;
  readonly planId: string;
  readonly orderHint: string;
}

/** A plannerTask as Graph returns it. */
export interface PlannerTask {
  readonly '@odata.etag': string;
  readonly id: string;
  readonly planId: string;
  readonly bucketId: string | null;
  readonly title: string;
  readonly orderHint: string;
  readonly assigneePriority: string;
  readonly percentComplete: number;
  readonly priority: number;
  readonly startDateTime: string | null;
  readonly createdDateTime: string;
  readonly dueDateTime: string | null;
  readonly hasDescription: boolean;
  readonly previewType: 'automatic';
  readonly completedDateTime: string | null;
  readonly completedBy: UserIdentity | null;
  readonly referenceCount: number;
  readonly checklistItemCount: number;
  readonly activeChecklistItemCount: number;
  readonly conversationThreadId: string | null;
  readonly createdBy: UserIdentity;
  readonly appliedCategories: Record<string, boolean>;
  readonly assignments: Record<string, PlannerAssignment>;
}

/** A plannerTaskDetails as Graph returns it. */
export interface PlannerTaskDetails {
  readonly '@odata.etag': string;
  readonly id: string;
  readonly description: string;
  readonly previewType: 'automatic';
  readonly references: Record<string, unknown>;
  readonly checklist: Record<string, unknown>;
}

function b64url(bytes: Buffer): string {
  return bytes.toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A 28-character Planner-style id: stable for seeded items, random for created ones. */
export function plannerId(seedKey?: string): string {
  const bytes =
    seedKey === undefined
      ? randomBytes(21)
      : createHash('sha256').update(`planner:${seedKey}`).digest().subarray(0, 21);
  return b64url(bytes).slice(0, 28);
}

/**
 * The next `W/"…"` etag of an item. Derived from the item's id and its previous etag, so a seed
 * is deterministic and every change yields a different tag (what If-Match compares).
 */
export function nextEtag(id: string, previous = ''): string {
  return `W/"${createHash('sha256').update(`${id}|${previous}`).digest('base64').slice(0, 32)}"`;
}

/** `2026-03-06T17:00:00Z`: Planner's timestamp format. */
export const plannerTime = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The identity set Planner records for a user. */
export const identity = (user: { id: string; displayName: string }): UserIdentity => ({
  user: { id: user.id, displayName: user.displayName },
});
