import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type * as ACData from 'adaptivecards-templating';
import { lazy } from '../lazy';

/** Loaded with the first card (or by `warm()`): about a tenth of a second of start-up otherwise. */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load; the type comes from the import above
const templating = lazy(() => require('adaptivecards-templating') as typeof ACData);

/** The card templates in `cards/`, one per card kind. */
export const CARD_NAMES = [
  'task',
  'checkpoint',
  'edit-form',
  'reject',
  'plan-reject',
  'result',
  'error',
  'audit',
  'signin',
  'welcome',
  'tasks',
  'schedule',
  'schedules',
] as const;
export type CardName = (typeof CARD_NAMES)[number];

/** An expanded Adaptive Card, ready to attach or return from an invoke. */
export type AdaptiveCard = Record<string, unknown>;

/**
 * Expands the JSON templates in `cards/` with adaptivecards-templating. Templates are read once;
 * views are plain data, so user text (even `${…}`) is inserted literally, never evaluated.
 *
 * Preparing a template parses every expression in it (about a third of a second for all of
 * them), so it happens on first use, or in `warm()` once the server is already answering.
 */
export class CardRenderer {
  private readonly templates = new Map<CardName, ACData.Template>();

  /** Fails at once when a template is missing, as a start-up problem rather than at the first card. */
  constructor(private readonly directory: string) {
    const missing = CARD_NAMES.filter((name) => !existsSync(path.join(directory, `${name}.json`)));
    if (missing.length > 0) throw new Error(`card templates missing from ${directory}: ${missing.join(', ')}`);
  }

  /**
   * Prepare every template ahead of its first card, one per turn of the event loop so requests
   * are answered in between (all of them at once hold the loop for about a third of a second).
   * Stops when `signal` aborts (the app is stopping).
   */
  async warm(signal?: AbortSignal): Promise<void> {
    for (const name of CARD_NAMES) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (signal?.aborted) return;
      this.template(name);
    }
  }

  render(name: CardName, view: object): AdaptiveCard {
    const template = this.template(name);
    const card = template.expand({ $root: view }) as AdaptiveCard;
    // A top-level property dropped by `$when` (an optional `refresh`) expands to null: leave it out.
    for (const [key, value] of Object.entries(card)) if (value === null) delete card[key];
    return card;
  }

  private template(name: CardName): ACData.Template {
    const known = this.templates.get(name);
    if (known) return known;
    if (!CARD_NAMES.includes(name)) throw new Error(`unknown card template ${name}`);
    const json: unknown = JSON.parse(readFileSync(path.join(this.directory, `${name}.json`), 'utf8'));
    const template = new (templating().Template)(json);
    this.templates.set(name, template);
    return template;
  }
}

/** The default location of the templates, from the repository root. */
export function defaultCardsDirectory(): string {
  return path.resolve(__dirname, '..', '..', 'cards');
}
