import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The repository root, where the committed app package and env files live. */
export const REPO = path.resolve(__dirname, '../..');

/**
 * A fresh copy of the repository's appPackage/ (manifest and icons) and env/ under
 * os.tmpdir(), for tests that change them. Removed after the test file's tests.
 */
export function useRepoCopies(): () => string {
  const made: string[] = [];
  afterAll(() => {
    for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'delegate-app-package-'));
    made.push(root);
    fs.mkdirSync(path.join(root, 'appPackage'));
    for (const file of ['manifest.json', 'color.png', 'outline.png'])
      fs.copyFileSync(path.join(REPO, 'appPackage', file), path.join(root, 'appPackage', file));
    fs.cpSync(path.join(REPO, 'env'), path.join(root, 'env'), {
      recursive: true,
      filter: (src) => !src.endsWith('.user'),
    });
    return root;
  };
}

/** The parts of the manifest tests look at or change. */
export interface TestManifest {
  [key: string]: unknown;
  id: string;
  manifestVersion: string;
  name: { short: string; full?: string };
  description: { short: string; full: string };
  icons: { color: string; outline: string };
  accentColor: string;
  bots: {
    botId: string;
    scopes: string[];
    commandLists: { scopes: string[]; commands: { title: string; description: string }[] }[];
  }[];
}

/** Read the manifest in a root. */
export function readManifest(root: string): TestManifest {
  return JSON.parse(fs.readFileSync(path.join(root, 'appPackage', 'manifest.json'), 'utf8')) as TestManifest;
}

/** Change the manifest in a (copied) root. */
export function editManifest(root: string, change: (manifest: TestManifest) => void): void {
  const manifest = readManifest(root);
  change(manifest);
  fs.writeFileSync(path.join(root, 'appPackage', 'manifest.json'), JSON.stringify(manifest, null, 2));
}

/** Two GUIDs that look like provisioned ids. */
export const PROVISIONED = {
  TEAMS_APP_ID: '6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b',
  BOT_ID: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
} as const;
