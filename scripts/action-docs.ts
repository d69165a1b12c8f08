import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogueDeclarations, OTHER_NEEDS, type OtherNeed } from '../src/actions/permissions';
import type { ActionSpec } from '../src/engine/catalogue';
import { parseCommandLine, UsageError, usageText, USAGE_EXIT_CODE } from '../src/cli-args';

/**
 * Document every action from the live catalogue: the action table in README.md (between
 * `<!-- actions:start -->` and `<!-- actions:end -->`) and docs/permissions.md.
 *
 *   tsx scripts/action-docs.ts           rewrite both
 *   tsx scripts/action-docs.ts --check   exit 1 when either is out of date (CI)
 *
 * Exit codes: 0 fine (or written), 1 out of date, 2 usage or a README without the markers.
 */

/** How to regenerate, for every message that says the docs are stale. */
export const DOCS_COMMAND = 'npm run docs:actions';
/** The README markers the table is written between (they stay; everything between is replaced). */
export const TABLE_START = '<!-- actions:start -->';
export const TABLE_END = '<!-- actions:end -->';

/** What the docs need of an action (`riskFor` only to mark a risk that follows the input). */
export type DocumentedAction = Pick<ActionSpec, 'name' | 'description' | 'risk' | 'permissions' | 'riskFor'>;

export { OTHER_NEEDS, type OtherNeed } from '../src/actions/permissions';

/** Domains in the order the table shows them; any other domain follows, alphabetically. */
const DOMAINS: readonly (readonly [string, string])[] = [
  ['mail', 'Mail'],
  ['calendar', 'Calendar'],
  ['files', 'Files (OneDrive)'],
  ['teams', 'Teams'],
  ['planner', 'Planner'],
  ['todo', 'To Do'],
  ['people', 'People (directory)'],
  ['text', 'Text (no Microsoft 365 call)'],
  ['compose', 'Compose (with a language model configured)'],
];

/** Every action of the catalogue, the compose actions included. Builds it without Graph or a model. */
export function catalogueActions(): readonly DocumentedAction[] {
  return catalogueDeclarations();
}

/** The first sentence: up to the first full stop outside brackets and code that is not "e.g."/"i.e.". */
export function firstSentence(description: string): string {
  const flat = description.replace(/\s+/g, ' ').trim();
  let depth = 0;
  let code = false;
  for (let i = 0; i < flat.length; i++) {
    const c = flat[i];
    if (c === '`') code = !code;
    else if (!code && (c === '(' || c === '[')) depth++;
    else if (!code && (c === ')' || c === ']')) depth = Math.max(0, depth - 1);
    else if (
      !code &&
      depth === 0 &&
      (c === '.' || c === '!' || c === '?') &&
      (i + 1 === flat.length || flat[i + 1] === ' ')
    ) {
      if (!/\b(?:e\.g|i\.e|etc|vs)$/i.test(flat.slice(0, i))) return flat.slice(0, i + 1);
    }
  }
  return flat;
}

/** `mail` for `mail.send`. */
export function domainOf(name: string): string {
  return name.split('.')[0] ?? name;
}

/** The actions grouped by domain (table order), each group in catalogue order. */
export function byDomain(
  actions: readonly DocumentedAction[],
): { readonly domain: string; readonly label: string; readonly actions: DocumentedAction[] }[] {
  const known = DOMAINS.map(([domain]) => domain);
  const others = [...new Set(actions.map((a) => domainOf(a.name)))].filter((d) => !known.includes(d)).sort();
  const labels = new Map<string, string>(DOMAINS);
  return [...known, ...others]
    .map((domain) => ({
      domain,
      label: labels.get(domain) ?? domain.charAt(0).toUpperCase() + domain.slice(1),
      actions: actions.filter((a) => domainOf(a.name) === domain),
    }))
    .filter((group) => group.actions.length > 0);
}

const cell = (text: string): string => text.replace(/\|/g, '\\|');
const list = (items: readonly string[]): string => (items.length === 0 ? '—' : items.join(', '));

/** The README block between the markers (markers excluded): one table, a bold row per domain. */
export function actionTable(actions: readonly DocumentedAction[]): string {
  const rows = byDomain(actions).flatMap((group) => [
    `| **${group.label}** | | | | |`,
    ...group.actions.map(
      (a) =>
        `| \`${a.name}\` | ${cell(firstSentence(a.description))} | ${a.risk}${a.riskFor ? '†' : ''} | ${list(a.permissions.delegated)} | ${list(a.permissions.application)} |`,
    ),
  ]);
  return [
    `<!-- Generated from the action catalogue by \`${DOCS_COMMAND}\`: do not edit by hand. -->`,
    '',
    '| Action | What it does | Risk | Delegated permissions | Application permissions |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
    "† The default risk; a step's risk follows its input (e.g. sending to someone outside the organisation is write-external).",
    '',
    'Every action with a side effect (any risk other than read and compose) stops at a checkpoint by default.',
    'Compose actions exist only with a language model configured. The permissions the app registration needs,',
    'and the identity each is used with: [docs/permissions.md](docs/permissions.md).',
  ].join('\n');
}

/** The names in a generated table, in order (a name listed twice appears twice). */
export function tableActionNames(table: string): string[] {
  return [...table.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1] ?? '');
}

/** `readme` with the block between the markers replaced; undefined when the markers are missing. */
export function withActionTable(readme: string, table: string): string | undefined {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start) return undefined;
  return `${readme.slice(0, start + TABLE_START.length)}\n${table}\n${readme.slice(end)}`;
}

/** Each permission of one kind, sorted, with the actions (then the other code) that need it. */
export function permissionUnion(
  actions: readonly DocumentedAction[],
  identity: 'delegated' | 'application',
  others: readonly OtherNeed[] = OTHER_NEEDS,
): { permission: string; actions: string[]; others: string[] }[] {
  const names = new Set([
    ...actions.flatMap((a) => a.permissions[identity]),
    ...others.filter((o) => o.identity === identity).map((o) => o.permission),
  ]);
  return [...names].sort().map((permission) => ({
    permission,
    actions: actions.filter((a) => a.permissions[identity].includes(permission)).map((a) => a.name),
    others: others.filter((o) => o.identity === identity && o.permission === permission).map((o) => o.usedBy),
  }));
}

/** docs/permissions.md. */
export function permissionsDoc(actions: readonly DocumentedAction[]): string {
  const table = (identity: 'delegated' | 'application') => [
    '| Permission | Needed by |',
    '| --- | --- |',
    ...permissionUnion(actions, identity).map(
      (p) =>
        `| \`${p.permission}\` | ${[p.actions.map((a) => `\`${a}\``).join(', '), ...p.others.map(cell)].filter((part) => part !== '').join('; ')} |`,
    ),
  ];
  const botApp = [
    ...new Set(OTHER_NEEDS.filter((o) => o.identity === 'application').map((o) => `\`${o.permission}\``)),
  ].sort();
  const appless = actions
    .filter((a) => a.permissions.application.length === 0 && a.permissions.delegated.length > 0)
    .map((a) => `\`${a.name}\``);
  return [
    '# Microsoft Graph permissions',
    '',
    `<!-- Generated from the action catalogue by \`${DOCS_COMMAND}\` (scripts/action-docs.ts): do not edit by hand. -->`,
    '',
    "The Microsoft Graph permissions Delegate's Entra app registration needs: every permission an",
    'action declares, plus the reads the rule planner and the bot make outside the catalogue.',
    "Each action's own row is in the README's action table.",
    '',
    '## What to grant, per mode',
    '',
    '- **Acting as the user** (`GRAPH_AUTH=obo`, the default): every **delegated** permission below',
    '  (steps run as the requester, their Teams SSO token exchanged on-behalf-of: Graph allows only',
    "  what the person may do themselves), plus these **application** permissions for the bot's own",
    `  look-ups, which run as the app in every mode: ${botApp.join(', ')}.`,
    '- **App-only** (`GRAPH_AUTH=secret`, `certificate` or `managed-identity`, an explicit choice):',
    '  every **application** permission below, and no delegated one; user steps run as the app on',
    '  `/users/{requester}/…`. Scope it (see *Least privilege*).',
    `- Graph lets no application do what these actions do, so an app-only deployment refuses them at planning, with the reason: ${appless.join(', ')}.`,
    '  (Apps may post channel and chat messages only to import history; `findMeetingTimes`, a',
    "  user's recent files and a user's Planner plans are delegated only. A meeting request is",
    '  pointed to free/busy, `calendar.getSchedules`, which apps may read.)',
    '',
    'The sandbox tenant enforces the same rules, from one table of what Graph documents for each',
    'route (`src/sandbox/permissions/table.ts`); its tokens in `npm run dev` and in the tests carry',
    'exactly the permissions listed here, and a test checks every declaration against that table.',
    'Every action runs in both modes with exactly its permissions, and again once per permission',
    'with that one removed, which must fail with a 403; the actions above are refused by Graph as',
    'the app (`test/actions/identity-modes.contract.test.ts`).',
    '',
    'Details of the modes and of the on-behalf-of set-up: [identity.md](identity.md).',
    '',
    '## Least privilege',
    '',
    '- Each action declares the narrowest permission that does its job (`Calendars.Read.Shared` to',
    '  read free/busy, `Files.Read` to search). Grant only the permissions of the actions your policy',
    '  allows (`actions.allow` / `deny`): a tenant that denies `files.*` needs no `Files.*` permission.',
    '- Prefer delegated permissions (`obo`): they never reach beyond what the requester can do.',
    '  Application permissions reach every mailbox, calendar and drive in the tenant; when you run',
    '  app-only, scope mail and calendar access to the people who use Delegate (Exchange Online',
    '  RBAC for Applications) and grant admin consent only for the application permissions listed.',
    '',
    '## Delegated permissions',
    '',
    ...table('delegated'),
    '',
    '## Application permissions',
    '',
    ...table('application'),
    '',
  ].join('\n');
}

/** What is out of date, one line per file; empty when both match the catalogue. */
export function staleDocs(readme: string, permissions: string, actions: readonly DocumentedAction[]): string[] {
  const problems: string[] = [];
  const expected = withActionTable(readme, actionTable(actions));
  if (expected === undefined)
    problems.push(`README.md has no ${TABLE_START} … ${TABLE_END} markers around its action table.`);
  else if (expected !== readme) problems.push('README.md: the action table does not match the action catalogue.');
  if (permissions !== permissionsDoc(actions))
    problems.push('docs/permissions.md does not match the action catalogue.');
  return problems;
}

/** Where the command reads and writes; injected so tests could run it in-process. */
export interface ActionDocsIo {
  readFile(path: string): string;
  writeFile(path: string, text: string): void;
  out(line: string): void;
  err(line: string): void;
}

/** Run the command; returns the exit code. `argv` excludes node and the script. */
export function main(argv: readonly string[], io: ActionDocsIo, root = join(__dirname, '..')): number {
  let check: boolean;
  try {
    check =
      parseCommandLine(argv, { options: { check: { type: 'boolean' } } }, 'usage: docs:actions [--check]').values
        .check === true;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(usageText(error));
    return USAGE_EXIT_CODE;
  }
  const readmePath = join(root, 'README.md');
  const permissionsPath = join(root, 'docs', 'permissions.md');
  const actions = catalogueActions();
  const readme = io.readFile(readmePath);
  let permissions = '';
  try {
    permissions = io.readFile(permissionsPath);
  } catch {
    // A missing docs/permissions.md is out of date (--check) or about to be written.
  }
  if (check) {
    const problems = staleDocs(readme, permissions, actions);
    for (const problem of problems) io.err(problem);
    if (problems.length > 0) io.err(`Run \`${DOCS_COMMAND}\` and commit README.md and docs/permissions.md.`);
    else io.out(`README.md and docs/permissions.md match the catalogue (${actions.length} actions).`);
    return problems.length > 0 ? 1 : 0;
  }
  const updated = withActionTable(readme, actionTable(actions));
  if (updated === undefined) {
    io.err(`README.md has no ${TABLE_START} … ${TABLE_END} markers: add them where the action table belongs.`);
    return 2;
  }
  io.writeFile(readmePath, updated);
  io.writeFile(permissionsPath, permissionsDoc(actions));
  io.out(`Wrote the action table (${actions.length} actions) to README.md and docs/permissions.md.`);
  return 0;
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2), {
    readFile: (path) => readFileSync(path, 'utf8'),
    writeFile: (path, text) => writeFileSync(path, text),
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  });
}
