import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv-draft-04';
import addFormats from 'ajv-formats';

/**
 * The Teams app manifest rules: the official JSON schema for the manifest's own
 * `manifestVersion` (shipped in `@microsoft/app-manifest`, the package the Agents Toolkit
 * validates with), plus the few rules a schema cannot express.
 */

/** A manifest problem at a JSON pointer (`/bots/0/botId`). */
export interface ManifestProblem {
  readonly path: string;
  readonly message: string;
}

/** The oldest manifest version the bot is built for (command lists per scope, bots in groupChat). */
const MIN_MINOR = 19;

const SCHEMA_URL = /\/teams\/v(1\.\d+)\/MicrosoftTeams\.schema\.json$/;

/** Where `@microsoft/app-manifest` keeps the Teams manifest schemas, one folder per version. */
const SCHEMA_ROOT = path.join(
  path.dirname(require.resolve('@microsoft/app-manifest/package.json')),
  'build',
  'json-schemas',
  'teams',
);

interface OfficialSchema {
  readonly validate: ValidateFunction;
  /** The schema's own semver pattern, which its `version` property does not apply. */
  readonly semver: RegExp | undefined;
}

const compiled = new Map<string, OfficialSchema>();

/** The compiled official schema for one manifest version; undefined when the package has none. */
function schemaFor(version: string): OfficialSchema | undefined {
  const cached = compiled.get(version);
  if (cached) return cached;
  const file = path.join(SCHEMA_ROOT, `v${version}`, 'MicrosoftTeams.schema.json');
  if (!existsSync(file)) return undefined;
  const json = JSON.parse(readFileSync(file, 'utf8')) as { definitions?: { semver?: { pattern?: string } } };
  // strict: false — the official schema carries annotations (markdownDescription, …) Ajv's strict mode rejects.
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv, ['uri']);
  const pattern = json.definitions?.semver?.pattern;
  const schema = { validate: ajv.compile(json), semver: pattern === undefined ? undefined : new RegExp(pattern) };
  compiled.set(version, schema);
  return schema;
}

/** Every rule the manifest breaks, after substitution. Empty when it is fine. */
export function validateManifest(manifest: unknown): ManifestProblem[] {
  if (manifest === null || typeof manifest !== 'object' || Array.isArray(manifest))
    return [{ path: '(root)', message: 'must be a JSON object' }];
  const m = manifest as Record<string, unknown>;

  const version = m.manifestVersion;
  if (typeof version !== 'string' || !/^1\.\d+$/.test(version))
    return [{ path: '/manifestVersion', message: 'must be a version such as 1.30' }];
  if (Number(version.split('.')[1]) < MIN_MINOR)
    return [{ path: '/manifestVersion', message: `must be 1.${MIN_MINOR} or newer` }];
  const schema = schemaFor(version);
  if (!schema)
    return [{ path: '/manifestVersion', message: `is ${version}, for which @microsoft/app-manifest has no schema` }];

  const problems: ManifestProblem[] = [];
  if (!schema.validate(m)) problems.push(...(schema.validate.errors ?? []).map(describe));
  // The schema says the app version "must follow the semver standard" but only limits its length.
  if (typeof m.version === 'string' && schema.semver && !schema.semver.test(m.version))
    problems.push({ path: '/version', message: DEFINITION_MESSAGES.semver ?? 'must be a semver version' });
  const schemaVersion = typeof m.$schema === 'string' ? SCHEMA_URL.exec(m.$schema)?.[1] : undefined;
  if (schemaVersion !== version)
    problems.push({ path: '/manifestVersion', message: `is ${version} but $schema is v${schemaVersion ?? '?'}` });
  problems.push(...botRules(m.bots));
  return problems;
}

// ---------------------------------------------------------------- what the schema cannot say

interface BotShape {
  scopes?: unknown;
  commandLists?: { scopes?: unknown; commands?: { title?: unknown }[] }[];
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

function botRules(bots: unknown): ManifestProblem[] {
  if (!Array.isArray(bots) || bots.length === 0) return [];
  const bot = bots[0] as BotShape;
  const problems: ManifestProblem[] = [];
  const lists = Array.isArray(bot.commandLists) ? bot.commandLists : [];
  // One list per scope: Teams shows the list of the scope you are in, and a scope without one shows nothing.
  const declared = strings(bot.scopes);
  const listed = lists.flatMap((list) => strings(list.scopes));
  for (const s of new Set(declared))
    if (listed.filter((l) => l === s).length !== 1)
      problems.push({ path: '/bots/0/commandLists', message: `needs exactly one list for scope ${s}` });
  for (const s of new Set(listed))
    if (!declared.includes(s))
      problems.push({
        path: '/bots/0/commandLists',
        message: `lists commands for ${s}, which the bot does not declare`,
      });
  // Teams matches a picked command by title, ignoring case: two alike would be indistinguishable.
  lists.forEach((list, i) => {
    const titles = (Array.isArray(list.commands) ? list.commands : []).map((c) => String(c.title).toLowerCase());
    if (new Set(titles).size !== titles.length)
      problems.push({ path: `/bots/0/commandLists/${i}/commands`, message: 'must not repeat a command title' });
  });
  return problems;
}

// ---------------------------------------------------------------- readable schema errors

/** Names for the schema's shared definitions, so a pattern failure says what was expected. */
const DEFINITION_MESSAGES: Readonly<Record<string, string>> = {
  guid: 'must be a GUID',
  hexColor: 'must be a colour such as #3B5BDB',
  anyHttpUrl: 'must be an http(s):// URL',
  secureHttpUrl: 'must be an https:// URL',
  semver: 'must be a semver version such as 1.0.0',
};

/** One Ajv error as a JSON pointer and a sentence a person can act on. */
function describe(error: ErrorObject): ManifestProblem {
  const at = error.instancePath || '(root)';
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { path: `${error.instancePath}/${String(params.missingProperty)}`, message: 'is required' };
    case 'additionalProperties':
      return {
        path: `${error.instancePath}/${String(params.additionalProperty)}`,
        message: 'is not a property the schema allows here',
      };
    case 'enum':
      return { path: at, message: `must be one of ${(params.allowedValues as unknown[]).map(quote).join(', ')}` };
    case 'const':
      return { path: at, message: `must be ${quote(params.allowedValue)}` };
    case 'maxLength':
      return { path: at, message: `must be at most ${String(params.limit)} characters` };
    case 'maxItems':
      return { path: at, message: `must hold at most ${String(params.limit)} items` };
    case 'pattern': {
      const definition = /^#\/definitions\/(\w+)\/pattern$/.exec(error.schemaPath)?.[1];
      const known = definition === undefined ? undefined : DEFINITION_MESSAGES[definition];
      return { path: at, message: known ?? `must match ${String(params.pattern)}` };
    }
    default:
      return { path: at, message: error.message ?? `fails the schema's ${error.keyword} rule` };
  }
}

const quote = (value: unknown) => JSON.stringify(value);
