import fs from 'node:fs';
import path from 'node:path';
import { packageApp, readPngInfo } from '../../scripts/package-app';
import { encodePng, renderColorIcon, renderOutlineIcon } from './icon-art';
import { editManifest, REPO, readManifest, useRepoCopies } from './fixture';
import { decodePng } from './png-decoder';

const copy = useRepoCopies();
const icon = (name: string) => fs.readFileSync(path.join(REPO, 'appPackage', name));

describe('the committed icons', () => {
  it('are a 192×192 colour icon and a 32×32 outline icon with alpha', () => {
    expect(readPngInfo(icon('color.png'))).toMatchObject({ width: 192, height: 192, bitDepth: 8 });
    expect(readPngInfo(icon('outline.png'))).toEqual({ width: 32, height: 32, bitDepth: 8, colorType: 6 });
    const color = decodePng(icon('color.png'));
    expect([color.width, color.height, color.rgba.length]).toEqual([192, 192, 192 * 192 * 4]);
  });

  it('colour icon: fully opaque, accent-coloured background, and not blank', () => {
    const { rgba } = decodePng(icon('color.png'));
    const pixels = Array.from({ length: rgba.length / 4 }, (_, i) => rgba.subarray(i * 4, i * 4 + 4));
    expect(pixels.every((p) => p[3] === 255)).toBe(true);
    const accent = readManifest(REPO).accentColor;
    const hex = (p: Uint8Array) =>
      `#${Array.from(p.subarray(0, 3), (v) => v.toString(16).padStart(2, '0')).join('')}`.toUpperCase();
    expect(hex(pixels[0] ?? new Uint8Array(4))).toBe(accent);
    const white = pixels.filter((p) => p[0] === 255 && p[1] === 255 && p[2] === 255).length;
    expect(white / pixels.length).toBeGreaterThan(0.1);
  });

  it('outline icon: only white on transparent, and not blank', () => {
    const { rgba } = decodePng(icon('outline.png'));
    let opaque = 0;
    for (let i = 0; i < rgba.length; i += 4) {
      if (rgba[i + 3] === 0) continue;
      expect([rgba[i], rgba[i + 1], rgba[i + 2]]).toEqual([255, 255, 255]);
      if (rgba[i + 3] === 255) opaque += 1;
    }
    expect(opaque).toBeGreaterThan(32 * 32 * 0.15);
    expect(rgba[3]).toBe(0); // a corner is background
  });

  // Pins the committed PNGs to their source (icon-art.ts). Delete this test and icon-art.ts
  // when designed artwork replaces the generated mark.
  it('are exactly what icon-art.ts draws', () => {
    expect(decodePng(icon('color.png')).rgba).toEqual(decodePng(renderColorIcon()).rgba);
    expect(decodePng(icon('outline.png')).rgba).toEqual(decodePng(renderOutlineIcon()).rgba);
  });
});

describe('icon checks when packaging', () => {
  it('reject an icon of the wrong size, one without alpha, a non-PNG and a missing file, all at once', () => {
    const root = copy();
    fs.writeFileSync(path.join(root, 'appPackage', 'outline.png'), encodePng(48, 48, new Uint8Array(48 * 48 * 4)));
    fs.writeFileSync(path.join(root, 'appPackage', 'color.png'), 'not a png');
    let result = packageApp({ root, env: 'local', outDir: path.join(root, 'out') });
    expect(result.ok ? [] : result.problems).toEqual([
      '/icons/color: appPackage/color.png is not a PNG',
      '/icons/outline: appPackage/outline.png is 48×48, must be 32×32',
    ]);

    fs.rmSync(path.join(root, 'appPackage', 'color.png'));
    fs.writeFileSync(path.join(root, 'appPackage', 'outline.png'), rgbPng(32));
    result = packageApp({ root, env: 'local', outDir: path.join(root, 'out') });
    expect(result.ok ? [] : result.problems).toEqual([
      '/icons/color: appPackage/color.png does not exist',
      '/icons/outline: appPackage/outline.png needs an alpha channel (white on transparent)',
    ]);
    expect(fs.existsSync(path.join(root, 'out'))).toBe(false);
  });

  it('refuse icon paths that leave appPackage/ or are not PNG files (the schema only asks for a string)', () => {
    const root = copy();
    fs.writeFileSync(path.join(root, 'secret.png'), rgbPng(192));
    editManifest(root, (m) => {
      m.icons = { color: '../secret.png', outline: 'outline.svg' };
    });
    const result = packageApp({ root, env: 'local', outDir: path.join(root, 'out') });
    expect(result.ok ? [] : result.problems).toEqual([
      '/icons/color: must be a relative path to a .png file in appPackage/',
      '/icons/outline: must be a relative path to a .png file in appPackage/',
    ]);
  });
});

/** A PNG whose header says RGB (colour type 2), no alpha. */
function rgbPng(size: number): Buffer {
  const png = encodePng(size, size, new Uint8Array(size * size * 4));
  png.writeUInt8(2, 25); // only the header is read by the check
  return png;
}
