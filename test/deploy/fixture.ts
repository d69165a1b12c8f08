import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

/** The repository root. */
export const REPO = path.resolve(__dirname, '../..');

export const read = (file: string): string => fs.readFileSync(path.join(REPO, file), 'utf8');
export const readJson = <T>(file: string): T => JSON.parse(read(file)) as T;
export const readYaml = <T>(file: string): T => parse(read(file)) as T;

/** One entry of a Bicep `appSettings` list: its name and the value expression as written. */
export interface AppSetting {
  readonly name: string;
  readonly value: string;
}

/**
 * The `appSettings: [ … ]` list of a Bicep file, read from the text (no Bicep compiler offline).
 * A deliberately small parser for the form infra/azure.bicep keeps: one `appSettings: [` line,
 * then entries written as a `{` line, a `name: '<NAME>'` line, a `value: <expression>` line and
 * a `}` line, up to the `]` line that closes the list; `//` comment lines may sit between
 * entries. It throws on any other line, so a reshaped file fails loudly instead of being misread.
 */
export function bicepAppSettings(bicep: string): AppSetting[] {
  const lines = bicep.split('\n').map((line) => line.trim());
  const start = lines.indexOf('appSettings: [');
  if (start < 0 || lines.indexOf('appSettings: [', start + 1) >= 0)
    throw new Error('expected exactly one `appSettings: [` line');
  const settings: AppSetting[] = [];
  for (let i = start + 1; ; i++) {
    const line = lines[i];
    if (line === undefined) throw new Error('appSettings: no closing `]`');
    if (line === ']') return settings;
    if (line === '' || line.startsWith('//')) continue;
    const name = /^name: '([A-Z][A-Z0-9_]*)'$/.exec(lines[i + 1] ?? '')?.[1];
    const value = /^value: (.+)$/.exec(lines[i + 2] ?? '')?.[1];
    if (line !== '{' || name === undefined || value === undefined || lines[i + 3] !== '}')
      throw new Error(`appSettings: unexpected line ${i + 1}: ${line}`);
    settings.push({ name, value });
    i += 3;
  }
}

/** `param <name> <type>` declarations of a Bicep file, and whether each has a default. */
export function bicepParams(bicep: string): Map<string, { readonly hasDefault: boolean }> {
  const params = new Map<string, { hasDefault: boolean }>();
  for (const m of bicep.matchAll(/^param (\w+) \w+( = .+)?$/gm))
    params.set(m[1] ?? '', { hasDefault: m[2] !== undefined });
  return params;
}

/** `output <NAME> <type> = …` names of a Bicep file. */
export function bicepOutputs(bicep: string): string[] {
  return [...bicep.matchAll(/^output (\w+) \w+ = /gm)].map((m) => m[1] ?? '');
}

/** Keys assigned in an env file, including commented-out `# KEY=value` lines. */
export function documentedKeys(text: string): string[] {
  return [...text.matchAll(/^#?\s?([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1] ?? '');
}

/** `${{NAME}}` placeholders in a text. */
export function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g)].map((m) => m[1] ?? ''))];
}
