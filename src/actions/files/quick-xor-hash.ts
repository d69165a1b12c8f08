/**
 * QuickXorHash, the content hash OneDrive for Business reports in `file.hashes.quickXorHash`
 * (Microsoft's published algorithm): every byte is XORed into a 160-bit ring at an offset
 * advancing 11 bits per byte, then the 64-bit little-endian length is XORed into the last 8
 * bytes; base64. Pure, so the sandbox computes it the same way Graph does.
 */
export function quickXorHash(bytes: Uint8Array): string {
  const ring = new Uint8Array(20);
  let bit = 0;
  for (const byte of bytes) {
    const shifted = byte << (bit & 7);
    const at = bit >> 3;
    ring[at] = (ring[at] ?? 0) ^ (shifted & 0xff);
    const next = (at + 1) % 20;
    ring[next] = (ring[next] ?? 0) ^ (shifted >> 8);
    bit = (bit + 11) % 160;
  }
  let length = BigInt(bytes.length);
  for (let i = 0; i < 8; i++) {
    ring[12 + i] = (ring[12 + i] ?? 0) ^ Number(length & 0xffn);
    length >>= 8n;
  }
  return Buffer.from(ring).toString('base64');
}
