import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { createZip, packageApp } from '../../scripts/package-app';
import { REPO, useRepoCopies } from './fixture';
import { readZip } from './zip-reader';

const copy = useRepoCopies();

describe('the package zip', () => {
  it('holds exactly the substituted manifest and both icons, with sizes and CRCs that check out', () => {
    const root = copy();
    const result = packageApp({ root, env: 'local', outDir: path.join(root, 'out') });
    if (!result.ok) throw new Error(result.problems.join('\n'));
    const files = readZip(fs.readFileSync(result.zipPath));
    expect(files.map((f) => f.name)).toEqual(['manifest.json', 'color.png', 'outline.png']);

    for (const icon of ['color.png', 'outline.png']) {
      const original = fs.readFileSync(path.join(REPO, 'appPackage', icon));
      const entry = files.find((f) => f.name === icon);
      expect(entry?.size).toBe(original.length);
      expect(entry?.crc).toBe(crc32(original));
      expect(entry?.data.equals(original)).toBe(true);
    }

    const manifestEntry = files.find((f) => f.name === 'manifest.json');
    const text = manifestEntry?.data.toString('utf8') ?? '';
    expect(manifestEntry?.crc).toBe(crc32(Buffer.from(text)));
    expect(text).not.toContain('${{');
    expect(JSON.parse(text)).toEqual(result.manifest);
  });

  it('is byte-for-byte the same when built twice from the same inputs', () => {
    const root = copy();
    const first = packageApp({ root, env: 'local', outDir: path.join(root, 'a') });
    const second = packageApp({ root, env: 'local', outDir: path.join(root, 'b') });
    if (!first.ok || !second.ok) throw new Error('packaging failed');
    expect(fs.readFileSync(first.zipPath).equals(fs.readFileSync(second.zipPath))).toBe(true);
  });
});

describe('the zip (fflate), read back', () => {
  it('round-trips incompressible, UTF-8-named and empty entries, and shrinks text', () => {
    const noise = randomBytes(4096);
    const text = Buffer.from('approve '.repeat(500));
    const files = readZip(
      createZip([
        { name: 'noise.bin', data: noise },
        { name: 'dir/ünïcode.txt', data: text },
        { name: 'empty', data: Buffer.alloc(0) },
      ]),
    );
    expect(files.map((f) => [f.name, f.size])).toEqual([
      ['noise.bin', 4096],
      ['dir/ünïcode.txt', text.length],
      ['empty', 0],
    ]);
    expect(files[1]?.method).toBe(8);
    expect(files[2]?.data.length).toBe(0);
    expect(files[0]?.data.equals(noise)).toBe(true);
    expect(files[1]?.compressedSize).toBeLessThan(text.length / 10);
    expect(files[1]?.data.equals(text)).toBe(true);
  });

  it('is caught by the reader when corrupted', () => {
    const zip = createZip([{ name: 'a.txt', data: Buffer.from('hello hello hello hello') }]);
    const crcAt = 30 + 'a.txt'.length + zip.readUInt32LE(18) + 16; // the central header's CRC field
    zip.writeUInt32LE((zip.readUInt32LE(crcAt) ^ 1) >>> 0, crcAt);
    expect(() => readZip(zip)).toThrow(/local header disagrees/);
  });
});
