// Draws icon.png (128x128): a time line with review dots and a tick, on a rounded square.
// A tiny PNG encoder (zlib + CRC32); 4x4 supersampling for smooth edges. Run: node client/icon/make-icon.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const N = 128, S = 4;
const bg = [0x1f, 0x5f, 0x8b], fg = [0xff, 0xff, 0xff], ok = [0x7e, 0xd9, 0x8f], late = [0xff, 0xb4, 0x47];
const inRounded = (x, y, r) => { const cx = Math.min(Math.max(x, r), N - r), cy = Math.min(Math.max(y, r), N - r); return (x - cx) ** 2 + (y - cy) ** 2 <= r * r; };
const disc = (x, y, cx, cy, r) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const segDist = (x, y, ax, ay, bx, by) => { const dx = bx - ax, dy = by - ay; const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy))); return Math.hypot(x - ax - t * dx, y - ay - t * dy); };
function colour(x, y) {
  if (!inRounded(x, y, 22)) return null;
  // tick (top right)
  if (segDist(x, y, 70, 36, 82, 48) < 5.5 || segDist(x, y, 82, 48, 104, 24) < 5.5) return ok;
  // time line with three dots
  if (disc(x, y, 30, 84, 10)) return ok;
  if (disc(x, y, 64, 84, 10)) return ok;
  if (disc(x, y, 98, 84, 10)) return disc(x, y, 98, 84, 5) ? bg : late;
  if (Math.abs(y - 84) < 3.5 && x > 18 && x < 110) return fg;
  // plan lines (top left)
  if ((Math.abs(y - 28) < 3 || Math.abs(y - 42) < 3 || Math.abs(y - 56) < 3) && x > 24 && x < (y < 50 ? 58 : 92)) return fg;
  return bg;
}
const raw = Buffer.alloc(N * (N * 4 + 1));
for (let y = 0; y < N; y++) {
  raw[y * (N * 4 + 1)] = 0;
  for (let x = 0; x < N; x++) {
    let r = 0, g = 0, b = 0, a = 0;
    for (let sy = 0; sy < S; sy++) for (let sx = 0; sx < S; sx++) {
      const c = colour(x + (sx + 0.5) / S, y + (sy + 0.5) / S);
      if (c) { r += c[0]; g += c[1]; b += c[2]; a++; }
    }
    const o = y * (N * 4 + 1) + 1 + x * 4;
    raw[o] = a ? Math.round(r / a) : 0; raw[o + 1] = a ? Math.round(g / a) : 0; raw[o + 2] = a ? Math.round(b / a) : 0; raw[o + 3] = Math.round((255 * a) / (S * S));
  }
}
const crcTable = Array.from({ length: 256 }, (_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
const crc32 = (buf) => { let c = 0xffffffff; for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
const chunk = (type, data) => { const len = Buffer.alloc(4); len.writeUInt32BE(data.length); const td = Buffer.concat([Buffer.from(type, 'ascii'), data]); const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td)); return Buffer.concat([len, td, crc]); };
const ihdr = Buffer.alloc(13); ihdr.writeUInt32BE(N, 0); ihdr.writeUInt32BE(N, 4); ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
writeFileSync(new URL('../../icon.png', import.meta.url), png);
console.log(`icon.png: ${png.length} bytes`);
