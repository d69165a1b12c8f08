import { createReadStream, existsSync, statSync } from 'node:fs';
import path from 'node:path';

/** Where `npm run build` (Vite) puts the tab's front end, from the repository root. */
export function defaultTabDirectory(): string {
  return path.resolve(__dirname, '..', '..', 'dist', 'tab-app');
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

/** A file of the built tab to send, with its headers. */
export interface StaticFile {
  readonly file: string;
  readonly headers: Record<string, string>;
}

/**
 * The file for a path under `/tab/`: hashed assets (`assets/…`) are immutable and cached for a
 * year; anything else is the page itself (`index.html`), revalidated every time so a new build
 * is picked up at once. Undefined when the tab is not built, or for an asset that does not exist
 * or lies outside the directory.
 */
export function staticFile(directory: string, relative: string): StaticFile | undefined {
  const root = path.resolve(directory);
  const clean = decodeSafely(relative).replace(/^\/+/, '');
  const asset = clean.startsWith('assets/') || /\.(?:png|ico|svg)$/.test(clean);
  const file = asset ? path.resolve(root, clean) : path.join(root, 'index.html');
  if (!file.startsWith(`${root}${path.sep}`) || !existsSync(file) || !statSync(file).isFile()) return undefined;
  return {
    file,
    headers: {
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Cache-Control': clean.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    },
  };
}

export function openFile(file: string): NodeJS.ReadableStream {
  return createReadStream(file);
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return '';
  }
}
