import { readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';

/** A variable name as a shell would accept it. */
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Parse the text of a `.env` file with Node's own parser (`util.parseEnv`, dotenv's rules):
 * `KEY=value`, `export KEY=value`, `#` comment lines, a `#` after an unquoted value starts a
 * comment, quoted values keep `#` and may span lines ("double quotes" expand `\n`). Lines that
 * are not assignments are ignored, including the indented `# KEY=value` that some Node versions
 * read as a key named "# KEY".
 */
export function parseEnvText(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(parseEnv(text)))
    if (NAME.test(key) && value !== undefined) values[key] = value;
  return values;
}

/** The variables of one `.env` file; undefined when the file does not exist or cannot be read. */
export function readEnvFile(file: string): Record<string, string> | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  return parseEnvText(text);
}

/** Several `.env` files layered in order (a later file wins); missing files are skipped. */
export function readEnvFiles(files: readonly string[]): Record<string, string> {
  return Object.assign({}, ...files.map((file) => readEnvFile(file) ?? {})) as Record<string, string>;
}
