import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { parseCommandLine, UsageError, usageText, USAGE_EXIT_CODE } from '../src/cli-args';
import { readEnvFiles } from '../src/env-file';
import { validateManifest } from './lib/manifest-rules';

/**
 * Validate appPackage/manifest.json for one environment and write
 * appPackage/build/appPackage.<env>.zip: the artefact the toolkit's `teamsApp/zipAppPackage`
 * makes, built offline and checked more strictly, so a broken package fails here and not in
 * the Developer Portal.
 *
 *   tsx scripts/package-app.ts --env local|dev [--root <repo>] [--out <folder>]
 *
 * Variables come from env/.env.<env> then env/.env.<env>.user (later wins), never from the
 * process environment, so the same files always give the same package.
 */

/** Fixed, obviously fake ids for a local package, whose app and bot are never registered. */
export const LOCAL_PLACEHOLDER_IDS: Readonly<Record<string, string>> = {
  TEAMS_APP_ID: '00000000-0000-4000-8000-0000000d1e90',
  BOT_ID: '00000000-0000-4000-8000-0000000b0701',
  // The Tasks tab's host; the local tab itself is at http://127.0.0.1:<PORT>/tab/ (Teams needs https).
  BOT_DOMAIN: 'delegate.localhost',
};

/** What to package. */
export interface PackageOptions {
  /** Repository root: holds appPackage/ and env/. */
  readonly root: string;
  /** Environment name: reads env/.env.<env> and env/.env.<env>.user. */
  readonly env: string;
  /** Output folder; default `<root>/appPackage/build`. */
  readonly outDir?: string;
}

/** The outcome: a written package, or every problem found (nothing is written then). */
export type PackageResult =
  | {
      readonly ok: true;
      readonly zipPath: string;
      readonly manifest: Record<string, unknown>;
      readonly notices: readonly string[];
    }
  | { readonly ok: false; readonly problems: readonly string[]; readonly notices: readonly string[] };

/** Check everything, then write the zip only if nothing is wrong. */
export function packageApp(options: PackageOptions): PackageResult {
  const notices: string[] = [];
  const problems: string[] = [];
  const fail = () => ({ ok: false as const, problems, notices });
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(options.env))
    return { ok: false, problems: [`--env "${options.env}" is not an environment name`], notices };

  const envFile = `env/.env.${options.env}`;
  const vars = readEnvironment(options.root, options.env);
  if (vars === undefined) return { ok: false, problems: [`${envFile} not found`], notices };

  const appDir = path.join(options.root, 'appPackage');
  let template: unknown;
  try {
    template = JSON.parse(readFileSync(path.join(appDir, 'manifest.json'), 'utf8'));
  } catch (error) {
    return {
      ok: false,
      problems: [`appPackage/manifest.json: ${error instanceof Error ? error.message : String(error)}`],
      notices,
    };
  }
  if (template === null || typeof template !== 'object' || Array.isArray(template))
    return { ok: false, problems: ['appPackage/manifest.json: must hold a JSON object'], notices };

  if (options.env === 'local') {
    for (const [name, id] of Object.entries(LOCAL_PLACEHOLDER_IDS)) {
      if ((vars[name] ?? '') !== '') continue;
      vars[name] = id;
      notices.push(
        `${name} is not set in ${envFile}: using the placeholder ${id}. A local package validates the manifest; it cannot be uploaded to a tenant.`,
      );
    }
  }
  const sub = substitute(template, vars);
  for (const name of sub.missing) problems.push(`\${{${name}}} is not defined in ${envFile} or ${envFile}.user`);
  if (problems.length > 0) return fail();

  const emptyAt = new Map(sub.empty.map((e) => [e.path, e.name]));
  for (const problem of validateManifest(sub.value)) {
    const name = emptyAt.get(problem.path);
    problems.push(
      name
        ? `${problem.path}: ${name} is empty in ${envFile} (\`teamsapp provision --env ${options.env}\` writes it)`
        : `${problem.path}: ${problem.message}`,
    );
  }
  const manifest = sub.value as Record<string, unknown>;
  const icons = readIcons(appDir, manifest.icons, problems);
  if (problems.length > 0) return fail();

  const outDir = options.outDir ?? path.join(appDir, 'build');
  const zipPath = path.join(outDir, `appPackage.${options.env}.zip`);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(
    zipPath,
    createZip([{ name: 'manifest.json', data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) }, ...icons]),
  );
  return { ok: true, zipPath, manifest, notices };
}

// ---------------------------------------------------------------- environment files

/** env/.env.<env> overlaid with env/.env.<env>.user; undefined when the first is missing. */
export function readEnvironment(root: string, env: string): Record<string, string> | undefined {
  const base = path.join(root, 'env', `.env.${env}`);
  if (!existsSync(base)) return undefined;
  return readEnvFiles([base, `${base}.user`]);
}

// ---------------------------------------------------------------- substitution

/** The result of expanding `${{NAME}}` in every string of a JSON value. */
export interface Substitution {
  readonly value: unknown;
  /** Names used but defined nowhere. */
  readonly missing: readonly string[];
  /** Where a defined-but-empty variable was used (JSON pointer), to explain what went wrong there. */
  readonly empty: readonly { readonly path: string; readonly name: string }[];
}

const VARIABLE = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/**
 * Expand toolkit placeholders inside string values of parsed JSON (not in the raw text), so a
 * value containing a quote can never break the manifest's JSON.
 */
export function substitute(value: unknown, vars: Readonly<Record<string, string>>): Substitution {
  const missing = new Set<string>();
  const empty: { path: string; name: string }[] = [];
  const walk = (node: unknown, at: string): unknown => {
    if (typeof node === 'string') {
      return node.replace(VARIABLE, (_whole, name: string) => {
        const resolved = vars[name];
        if (resolved === undefined) missing.add(name);
        else if (resolved === '') empty.push({ path: at, name });
        return resolved ?? '';
      });
    }
    if (Array.isArray(node)) return node.map((item, i) => walk(item, `${at}/${i}`));
    if (node !== null && typeof node === 'object') {
      return Object.fromEntries(
        Object.entries(node).map(([key, item]) => [key, walk(item, `${at}/${pointerToken(key)}`)]),
      );
    }
    return node;
  };
  return { value: walk(value, ''), missing: [...missing].sort(), empty };
}

/** A key as one JSON pointer token (RFC 6901). */
const pointerToken = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

// ---------------------------------------------------------------- icons

/** What a PNG's header says. */
export interface PngInfo {
  readonly width: number;
  readonly height: number;
  readonly bitDepth: number;
  /** PNG colour type: 0 grey, 2 RGB, 3 palette, 4 grey+alpha, 6 RGBA. */
  readonly colorType: number;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Read a PNG's IHDR; undefined when the bytes are not a PNG. */
export function readPngInfo(bytes: Buffer): PngInfo | undefined {
  if (bytes.length < 33 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE) || bytes.toString('ascii', 12, 16) !== 'IHDR')
    return undefined;
  return {
    width: bytes.readUInt32BE(16),
    height: bytes.readUInt32BE(20),
    bitDepth: bytes.readUInt8(24),
    colorType: bytes.readUInt8(25),
  };
}

const ICON_RULES = {
  color: { size: 192, alpha: false },
  outline: { size: 32, alpha: true },
} as const;

const RELATIVE_PNG = /^(?!\/)(?!.*\.\.)[\w./-]+\.png$/;

function readIcons(appDir: string, icons: unknown, problems: string[]): { name: string; data: Buffer }[] {
  const entries: { name: string; data: Buffer }[] = [];
  const declared = (icons ?? {}) as Record<string, unknown>;
  for (const [kind, rule] of Object.entries(ICON_RULES)) {
    const name = declared[kind];
    if (typeof name !== 'string') continue; // already reported by the manifest schema
    if (!RELATIVE_PNG.test(name)) {
      // The schema only asks for a string: the zip must not pick up files from outside appPackage/.
      problems.push(`/icons/${kind}: must be a relative path to a .png file in appPackage/`);
      continue;
    }
    const file = path.join(appDir, name);
    if (!existsSync(file)) {
      problems.push(`/icons/${kind}: appPackage/${name} does not exist`);
      continue;
    }
    const data = readFileSync(file);
    const info = readPngInfo(data);
    if (!info) problems.push(`/icons/${kind}: appPackage/${name} is not a PNG`);
    else if (info.width !== rule.size || info.height !== rule.size)
      problems.push(
        `/icons/${kind}: appPackage/${name} is ${info.width}×${info.height}, must be ${rule.size}×${rule.size}`,
      );
    else if (rule.alpha && info.colorType !== 4 && info.colorType !== 6)
      problems.push(`/icons/${kind}: appPackage/${name} needs an alpha channel (white on transparent)`);
    else entries.push({ name, data });
  }
  return entries;
}

// ---------------------------------------------------------------- zip

/** One file to put in a zip. */
export interface ZipEntry {
  readonly name: string;
  readonly data: Buffer;
}

/** Zip timestamps are local MS-DOS times from 1980: a fixed one, so the same inputs give the same bytes. */
const ZIP_TIME = new Date(1980, 0, 1);

/** The package zip (fflate): each entry deflated at level 9, names as given, a fixed timestamp. */
export function createZip(entries: readonly ZipEntry[]): Buffer {
  const files: Zippable = {};
  for (const entry of entries) files[entry.name] = [new Uint8Array(entry.data), { level: 9 }];
  return Buffer.from(zipSync(files, { mtime: ZIP_TIME }));
}

// ---------------------------------------------------------------- command line

const USAGE = 'usage: tsx scripts/package-app.ts --env <name> [--root <repo>] [--out <folder>]';

/** Run the command line; returns the exit code (0 written, 1 problems, 2 usage). */
export function main(argv: readonly string[], log: (line: string) => void = console.log): number {
  let values;
  try {
    ({ values } = parseCommandLine(
      argv,
      { options: { env: { type: 'string' }, root: { type: 'string' }, out: { type: 'string' } } },
      USAGE,
    ));
    if (values.env === undefined) throw new UsageError('--env is required', USAGE);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    log(usageText(error));
    return USAGE_EXIT_CODE;
  }
  const env = values.env;
  const root = path.resolve(values.root ?? path.join(__dirname, '..'));
  const outArg = values.out;
  const result = packageApp({ root, env, outDir: outArg === undefined ? undefined : path.resolve(outArg) });
  for (const notice of result.notices) log(`note: ${notice}`);
  if (!result.ok) {
    log(
      `appPackage/manifest.json is not ready for "${env}" (${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}):`,
    );
    for (const problem of result.problems) log(`  - ${problem}`);
    return 1;
  }
  const icons = result.manifest.icons as { color: string; outline: string };
  log(`wrote ${result.zipPath}: manifest.json, ${icons.color}, ${icons.outline}`);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
