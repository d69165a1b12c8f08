import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

/**
 * The source of appPackage/color.png and appPackage/outline.png: Delegate's mark (a bold "D"
 * whose counter holds a check, for "done, with your approval") drawn from geometry, so the
 * icons can be regenerated and checked instead of being opaque binaries.
 * Regenerate with `npx tsx test/app-package/icon-art.ts`.
 */

/** The accent colour: the colour icon's background and the manifest's `accentColor`. */
export const ACCENT = { hex: '#3B5BDB', rgb: [0x3b, 0x5b, 0xdb] } as const;

/** Geometry in a unit box (0..1 both ways): is this point inside the mark? */
function insideMark(x: number, y: number): boolean {
  return insideD(x, y) || insideCheck(x, y);
}

const STEM_X = 0.1;
const BOWL_X = 0.46;
const STROKE = 0.19;

function insideD(x: number, y: number): boolean {
  const outer = shapeD(x, y, STEM_X, 0, 1, 0.44, 0.5);
  const inner = shapeD(x, y, STEM_X + STROKE, STROKE, 1 - STROKE, 0.44 - STROKE, 0.5 - STROKE);
  return outer && !inner;
}

/** A filled "D": a rectangle from the stem to the bowl's centre, then a half ellipse. */
function shapeD(x: number, y: number, left: number, top: number, bottom: number, rx: number, ry: number): boolean {
  if (y < top || y > bottom || x < left) return false;
  if (x <= BOWL_X) return true;
  const dx = (x - BOWL_X) / rx;
  const dy = (y - (top + bottom) / 2) / ry;
  return dx * dx + dy * dy <= 1;
}

const CHECK: readonly (readonly [number, number])[] = [
  [0.37, 0.52],
  [0.47, 0.63],
  [0.63, 0.41],
];
const CHECK_HALF_WIDTH = 0.045;

function insideCheck(x: number, y: number): boolean {
  for (let i = 0; i + 1 < CHECK.length; i += 1) {
    const [ax, ay] = CHECK[i] ?? [0, 0];
    const [bx, by] = CHECK[i + 1] ?? [0, 0];
    if (distanceToSegment(x, y, ax, ay, bx, by) <= CHECK_HALF_WIDTH) return true;
  }
  return false;
}

function distanceToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const vx = bx - ax;
  const vy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * vx + (py - ay) * vy) / (vx * vx + vy * vy)));
  return Math.hypot(px - (ax + t * vx), py - (ay + t * vy));
}

/** Fraction (0..1) of a pixel covered by the mark, by 8×8 supersampling: smooth edges. */
function coverage(px: number, py: number, box: { x: number; y: number; size: number }): number {
  const n = 8;
  let hits = 0;
  for (let sy = 0; sy < n; sy += 1) {
    for (let sx = 0; sx < n; sx += 1) {
      const ux = (px + (sx + 0.5) / n - box.x) / box.size;
      const uy = (py + (sy + 0.5) / n - box.y) / box.size;
      if (insideMark(ux, uy)) hits += 1;
    }
  }
  return hits / (n * n);
}

/** 192×192, full colour: a white mark on the accent colour, inside Teams' 96-pixel safe area plus a little. */
export function renderColorIcon(): Buffer {
  const size = 192;
  const box = { x: 44, y: 44, size: 104 };
  const rgba = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const c = coverage(x, y, box);
      const at = (y * size + x) * 4;
      for (let k = 0; k < 3; k += 1) rgba[at + k] = Math.round((ACCENT.rgb[k] ?? 0) * (1 - c) + 255 * c);
      rgba[at + 3] = 255;
    }
  }
  return encodePng(size, size, rgba);
}

/** 32×32 outline: white only, on transparent; edge pixels are white with partial alpha. */
export function renderOutlineIcon(): Buffer {
  const size = 32;
  const box = { x: 2, y: 2, size: 28 };
  const rgba = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const alpha = Math.round(coverage(x, y, box) * 255);
      const at = (y * size + x) * 4;
      rgba.set(alpha === 0 ? [0, 0, 0, 0] : [255, 255, 255, alpha], at);
    }
  }
  return encodePng(size, size, rgba);
}

/** A minimal PNG encoder: 8-bit RGBA, no interlace, filter 0 on every row. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y += 1) {
    raw[y * (width * 4 + 1)] = 0;
    raw.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

if (require.main === module) {
  const dir = path.resolve(__dirname, '../../appPackage');
  writeFileSync(path.join(dir, 'color.png'), renderColorIcon());
  writeFileSync(path.join(dir, 'outline.png'), renderOutlineIcon());
  console.log(`wrote ${path.join(dir, 'color.png')} and outline.png`);
}
