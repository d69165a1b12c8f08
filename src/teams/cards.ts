import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as ACData from 'adaptivecards-templating';

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
 */
export class CardRenderer {
  private readonly templates = new Map<CardName, ACData.Template>();

  constructor(directory: string) {
    for (const name of CARD_NAMES) {
      const json: unknown = JSON.parse(readFileSync(path.join(directory, `${name}.json`), 'utf8'));
      this.templates.set(name, new ACData.Template(json));
    }
  }

  render(name: CardName, view: object): AdaptiveCard {
    const template = this.templates.get(name);
    if (!template) throw new Error(`unknown card template ${name}`);
    const card = template.expand({ $root: view }) as AdaptiveCard;
    // A top-level property dropped by `$when` (an optional `refresh`) expands to null: leave it out.
    for (const [key, value] of Object.entries(card)) if (value === null) delete card[key];
    return card;
  }
}

/** The default location of the templates, from the repository root. */
export function defaultCardsDirectory(): string {
  return path.resolve(__dirname, '..', '..', 'cards');
}
