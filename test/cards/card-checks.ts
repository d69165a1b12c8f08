import type { AdaptiveCard } from '../../src/teams/cards';

/**
 * A small structural check of Adaptive Cards 1.5, enough to catch what a broken template or
 * view produces: unknown element types, missing required properties, values of the wrong type
 * (a boolean left as the string "${…}"), templating keys that survived expansion.
 */

const ELEMENTS = new Set([
  'TextBlock',
  'Image',
  'Media',
  'RichTextBlock',
  'ActionSet',
  'Container',
  'ColumnSet',
  'FactSet',
  'ImageSet',
  'Table',
  'Input.Text',
  'Input.Number',
  'Input.Date',
  'Input.Time',
  'Input.Toggle',
  'Input.ChoiceSet',
]);
const ACTIONS = new Set([
  'Action.Execute',
  'Action.OpenUrl',
  'Action.Submit',
  'Action.ShowCard',
  'Action.ToggleVisibility',
]);
const COLOURS = new Set(['Default', 'Dark', 'Light', 'Accent', 'Good', 'Warning', 'Attention']);
const BOOLEANS = ['wrap', 'isSubtle', 'separator', 'isMultiline', 'isRequired', 'isVisible'];

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every problem found in `card`, as "path: what"; empty when the card is well formed. */
export function cardProblems(card: unknown): string[] {
  const problems: string[] = [];
  const inputIds = new Set<string>();
  const problem = (path: string, what: string): void => void problems.push(`${path}: ${what}`);

  const checkAction = (action: unknown, path: string): void => {
    if (!isObject(action) || typeof action.type !== 'string' || !ACTIONS.has(action.type))
      return problem(path, `unknown action type ${JSON.stringify(isObject(action) ? action.type : action)}`);
    if (typeof action.title !== 'string' || action.title === '') problem(path, 'action without a title');
    if (action.type === 'Action.Execute' && (typeof action.verb !== 'string' || !isObject(action.data ?? {})))
      problem(path, 'Action.Execute needs a verb and object data');
    if (action.type === 'Action.OpenUrl' && typeof action.url !== 'string') problem(path, 'Action.OpenUrl needs a url');
    if (
      action.associatedInputs !== undefined &&
      action.associatedInputs !== 'auto' &&
      action.associatedInputs !== 'none'
    )
      problem(path, 'associatedInputs must be auto or none');
  };

  const checkList = (value: unknown, path: string, each: (item: unknown, path: string) => void): void => {
    if (!Array.isArray(value)) return problem(path, 'must be an array');
    value.forEach((item, i) => each(item, `${path}[${i}]`));
  };

  const checkElement = (element: unknown, path: string): void => {
    if (!isObject(element) || typeof element.type !== 'string' || !ELEMENTS.has(element.type))
      return problem(path, `unknown element type ${JSON.stringify(isObject(element) ? element.type : element)}`);
    for (const key of BOOLEANS)
      if (element[key] !== undefined && typeof element[key] !== 'boolean')
        problem(`${path}.${key}`, 'must be a boolean');
    if (element.color !== undefined && !COLOURS.has(element.color as string))
      problem(`${path}.color`, `unknown colour ${JSON.stringify(element.color)}`);
    switch (element.type) {
      case 'TextBlock':
        if (typeof element.text !== 'string') problem(`${path}.text`, 'TextBlock needs text');
        break;
      case 'Container':
        checkList(element.items, `${path}.items`, checkElement);
        break;
      case 'ColumnSet':
        checkList(element.columns, `${path}.columns`, (column, p) => {
          if (!isObject(column) || column.type !== 'Column') return problem(p, 'a ColumnSet holds Columns');
          checkList(column.items, `${p}.items`, checkElement);
        });
        break;
      case 'FactSet':
        checkList(element.facts, `${path}.facts`, (fact, p) => {
          if (!isObject(fact) || typeof fact.title !== 'string' || typeof fact.value !== 'string')
            problem(p, 'a fact needs a string title and value');
        });
        break;
      case 'ActionSet':
        checkList(element.actions, `${path}.actions`, checkAction);
        break;
    }
    if (element.type.startsWith('Input.')) {
      if (typeof element.id !== 'string' || element.id === '') problem(path, 'an input needs an id');
      else if (inputIds.has(element.id)) problem(path, `duplicate input id ${element.id}`);
      else inputIds.add(element.id);
      if (element.type === 'Input.Text' && element.value !== undefined && typeof element.value !== 'string')
        problem(`${path}.value`, 'must be a string');
    }
  };

  if (!isObject(card)) return ['card: not an object'];
  if (card.type !== 'AdaptiveCard') problem('type', 'must be AdaptiveCard');
  if (card.version !== '1.5') problem('version', `must be '1.5', not ${JSON.stringify(card.version)}`);
  checkList(card.body, 'body', checkElement);
  if (card.actions !== undefined) checkList(card.actions, 'actions', checkAction);
  if (card.refresh !== undefined) {
    if (!isObject(card.refresh)) problem('refresh', 'must be an object');
    else {
      checkAction(card.refresh.action, 'refresh.action');
      if (!Array.isArray(card.refresh.userIds) || !card.refresh.userIds.every((id) => typeof id === 'string'))
        problem('refresh.userIds', 'must be a list of ids');
    }
  }
  templatingLeftovers(card, '', problems);
  return problems;
}

/** Keys of the templating language (`$data`, `$when`, `$root`…) must not survive expansion. */
function templatingLeftovers(value: unknown, path: string, problems: string[]): void {
  if (Array.isArray(value)) return value.forEach((item, i) => templatingLeftovers(item, `${path}[${i}]`, problems));
  if (!isObject(value)) return;
  for (const [key, item] of Object.entries(value)) {
    if (key.startsWith('$') && !(path === '' && key === '$schema'))
      problems.push(`${path}.${key}: templating key left after expansion`);
    templatingLeftovers(item, `${path}.${key}`, problems);
  }
}

/** Every string in the card, with its path. */
export function stringsIn(value: unknown, path = ''): Array<{ path: string; text: string }> {
  if (typeof value === 'string') return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((item, i) => stringsIn(item, `${path}[${i}]`));
  if (isObject(value)) return Object.entries(value).flatMap(([key, item]) => stringsIn(item, `${path}.${key}`));
  return [];
}

/**
 * Strings that still hold `${` once the user's own text is taken out: a template expression
 * that was not expanded. User text is removed whole, so a leftover inside it is not excused.
 */
export function unexpanded(card: unknown, userText: readonly string[]): string[] {
  return stringsIn(card)
    .filter(({ text }) =>
      userText.reduce((rest, user) => (user === '' ? rest : rest.split(user).join('')), text).includes('${'),
    )
    .map(({ path, text }) => `${path}: ${text}`);
}

/** An action as found on a card, with where it was. */
export interface FoundAction {
  readonly path: string;
  readonly action: Json;
}

/** Every action on the card: the card's own, those in ActionSets anywhere, and the refresh action. */
export function actionsIn(card: AdaptiveCard): FoundAction[] {
  const found: FoundAction[] = [];
  const walk = (value: unknown, path: string): void => {
    if (Array.isArray(value)) return value.forEach((item, i) => walk(item, `${path}[${i}]`));
    if (!isObject(value)) return;
    if (typeof value.type === 'string' && value.type.startsWith('Action.')) found.push({ path, action: value });
    for (const [key, item] of Object.entries(value)) walk(item, `${path}.${key}`);
  };
  walk(card, '');
  return found;
}

/** The card's buttons (its `actions`), as title → verb pairs, in order. */
export function buttons(card: AdaptiveCard): Array<{ type: unknown; title: unknown; verb: unknown }> {
  const actions = Array.isArray(card.actions) ? (card.actions as Json[]) : [];
  return actions.map((a) => ({ type: a.type, title: a.title, verb: a.verb }));
}

/** The card's body elements of one type, anywhere in the tree. */
export function elementsOf(card: AdaptiveCard, type: string): Json[] {
  const found: Json[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (!isObject(value)) return;
    if (value.type === type) found.push(value);
    Object.values(value).forEach(walk);
  };
  walk(card.body);
  return found;
}

/** The text of every TextBlock, in order. */
export function textsOf(card: AdaptiveCard): string[] {
  return elementsOf(card, 'TextBlock').map((block) => String(block.text));
}

/** The facts of every FactSet, in order. */
export function factsOf(card: AdaptiveCard): Array<{ title: string; value: string }> {
  return elementsOf(card, 'FactSet').flatMap((set) => set.facts as Array<{ title: string; value: string }>);
}

/** Containers shown as blocks (emphasis style): their texts, label first. */
export function blocksOf(card: AdaptiveCard): string[][] {
  return elementsOf(card, 'Container')
    .filter((c) => c.style === 'emphasis')
    .map((c) =>
      (c.items as Json[]).map((item) =>
        item.type === 'RichTextBlock'
          ? (item.inlines as Json[]).map((run) => String(run.text)).join('')
          : String(item.text),
      ),
    );
}
