import type { z } from 'zod';
import type { RiskClass } from './model';

/** A labelled value shown on a plan or checkpoint card. */
export interface PreviewField {
  readonly label: string;
  readonly value: string;
}

/** How a step presents itself on a card: exactly what will happen. */
export interface StepPreview {
  /** One line, e.g. "Send an email to Megan Bowen". */
  readonly title: string;
  /** Who or what the step acts on, e.g. "Megan Bowen <meganb@example.com>". */
  readonly target: string;
  /** What data the step reads, e.g. "Unread mail from Contoso in your mailbox". */
  readonly reads: string;
  /** The full preview for a checkpoint (recipients, subject, body, …). */
  readonly fields: readonly PreviewField[];
}

/** A field of an action's input that a person can change on an Edit form. */
export interface EditableField {
  readonly name: string;
  readonly label: string;
  /**
   * `folder`: one of the requester's mail folders (a picker; a well-known name or a folder id).
   * `channel`: one of the channels of the requester's teams (a picker that sets the team and the
   * channel, ids and names, together).
   */
  readonly kind: 'text' | 'multiline' | 'datetime' | 'number' | 'list' | 'boolean' | 'folder' | 'channel';
  /** Bounds of a number field, checked by the card and again by the server. */
  readonly min?: number;
  readonly max?: number;
  /** The field may not be left empty. */
  readonly required?: boolean;
}

/**
 * One thing a picker on an Edit form offers (a mail folder, a channel): the name people see and
 * the value the card submits. The server looks these up as the requester; a submitted value must
 * be one of them, so a card can never pick what the requester could not.
 */
export interface EditChoice {
  readonly value: string;
  readonly title: string;
  /** Other spellings of the same choice that an input may already hold ("Archive" for its folder id). */
  readonly aliases?: readonly string[];
  /** Input fields a choice sets together (a channel: teamId, channelId, teamName, channelName). */
  readonly fields?: Readonly<Record<string, string>>;
}

/** Choices per editable field name, for the fields that are pickers. */
export type EditChoices = Readonly<Record<string, readonly EditChoice[]>>;

/** One HTTP request an action made to Microsoft 365 (each retry counts), for the ledger. */
export interface ExternalRequest {
  readonly method: string;
  /** The path without its query string (which may hold personal data). */
  readonly path: string;
  readonly status: number;
  readonly requestId?: string;
  readonly clientRequestId?: string;
  readonly durationMs?: number;
}

/** The identity a step runs as, and the key that makes it run at most once. */
export interface ActionContext {
  readonly idempotencyKey: string;
  /** The requester, on whose behalf the action runs. */
  readonly actor: { readonly id: string; readonly upn?: string; readonly name: string };
  /** 1 on the first attempt; higher means a previous attempt may have had its effect. */
  readonly attempt: number;
  /** The task and step the worker runs (ids only; for telemetry). */
  readonly step?: { readonly taskId: string; readonly stepId: string };
  readonly now: Date;
  /** The requester's IANA time zone (the task's), for relative dates in what a step writes. */
  readonly timeZone?: string;
  readonly signal?: AbortSignal;
  /** Told about every Microsoft 365 request the action makes (set by the worker for the ledger). */
  readonly onRequest?: (request: ExternalRequest) => void;
}

/** Where a write sends or exposes something: checked by the guards before anyone approves. */
export interface Destination {
  readonly kind: 'recipient' | 'attendee' | 'channel' | 'sharing' | 'link';
  /** An email address, `teamId/channelId`, a sharing scope, or a URL. */
  readonly value: string;
  /** How a person would name it (display name, channel name), used to trace it to the request. */
  readonly label?: string;
  /** The input field it came from. */
  readonly field: string;
}

/** What an action produced, and which Microsoft 365 items it read to do so. */
export interface ActionResult<O> {
  readonly output: O;
  readonly provenance: readonly string[];
  /** Titled sources for the card (e.g. the mails a summary was made from). */
  readonly sources?: readonly { readonly id: string; readonly title: string }[];
  /** Model tokens the action spent (compose steps). */
  readonly usage?: { readonly promptTokens: number; readonly completionTokens: number; readonly calls: number };
}

/** Everything the engine, planner, policy and cards need to know about an action. */
export interface ActionSpec<I = Record<string, unknown>, O = unknown> {
  readonly name: string;
  readonly description: string;
  readonly input: z.ZodType<I>;
  readonly output: z.ZodType<O>;
  readonly risk: RiskClass;
  readonly permissions: { readonly delegated: readonly string[]; readonly application: readonly string[] };
  readonly editable: readonly EditableField[];
  /** Every recipient, attendee, channel, sharing scope and link this input would send to (writes only). */
  destinations?(input: Record<string, unknown>): readonly Destination[];
  /**
   * The risk of one concrete input when it can differ from `risk` (a send to someone outside the
   * requester's organisation is write-external). Input may hold unresolved references.
   */
  riskFor?(input: Record<string, unknown>, requester: { readonly upn?: string }): RiskClass;
  /** Input fields that are instructions, not data: they may not be filled from another step's output (e.g. from a mail). */
  readonly literalFields?: readonly string[];
  /** Input fields whose text is sent or posted; links in them are checked against the allow-list. */
  readonly contentFields?: readonly string[];
  /**
   * Why this deployment cannot run the action at all (e.g. Microsoft Graph does not let the app
   * identity do it, and the deployment runs as the app). Planning refuses a step that uses it,
   * with this reason, rather than planning something that can only fail.
   */
  readonly unavailable?: string;
  /** Describe the step for a card. Input may still hold unresolved references (shown as "from step N"). */
  describe(input: Record<string, unknown>): StepPreview;
  /** Do the work. Must be idempotent for `ctx.idempotencyKey`: reconcile before redoing a write. */
  run(input: I, ctx: ActionContext): Promise<ActionResult<O>>;
}

/** The set of actions a planner may choose from. */
export interface Catalogue {
  get(name: string): ActionSpec | undefined;
  list(): readonly ActionSpec[];
}

/** Risk classes whose actions change something and therefore stop at a checkpoint by default. */
export function hasSideEffect(risk: RiskClass): boolean {
  return risk !== 'read' && risk !== 'compose';
}
