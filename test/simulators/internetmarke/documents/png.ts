// Small, valid PNG stamps (greyscale, 8 bit) and the ZIP the PNG checkout answers with.
// The picture is schematic: a frame, a pseudo matrix code and, for MUSTER stamps, diagonal bars.
// The facts (voucher id, product, price) ride along as PNG tEXt chunks so tests can read them back.
import { zipSync, zlibSync } from "fflate";
import { matrixModules, MATRIX_MODULES } from "./matrix";
import type { StampContent } from "./stamp";

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const b of bytes) crc = (CRC_TABLE[(crc ^ b) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function latin1(text: string): Uint8Array {
  return Uint8Array.from([...text].map((ch) => (ch.charCodeAt(0) <= 0xff ? ch.charCodeAt(0) : 0x3f)));
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(latin1(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

const SIGNATURE = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Encodes 8-bit greyscale pixels (row-major, width * height bytes) as a PNG. */
export function encodeGreyPng(
  width: number,
  height: number,
  pixels: Uint8Array,
  text: Record<string, string>,
) {
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, 0, 0, 0, 0], 8); // bit depth 8, greyscale, deflate, no filter, no interlace
  const raw = new Uint8Array((width + 1) * height);
  for (let y = 0; y < height; y++) raw.set(pixels.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);
  const texts = Object.entries(text).map(([key, value]) =>
    chunk("tEXt", concat([latin1(key), new Uint8Array(1), latin1(value)])),
  );
  return concat([
    SIGNATURE,
    chunk("IHDR", header),
    ...texts,
    chunk("IDAT", zlibSync(raw)),
    chunk("IEND", new Uint8Array()),
  ]);
}

export function renderStampPng(stamp: StampContent, dpi: "DPI300" | "DPI203" = "DPI300"): Uint8Array {
  const dotsPerMm = (dpi === "DPI203" ? 203 : 300) / 25.4;
  const [widthMm, heightMm] = stamp.layout === "ADDRESS_ZONE" ? [90, 55] : [45, 25];
  const width = Math.round(widthMm * dotsPerMm);
  const height = Math.round(heightMm * dotsPerMm);
  const pixels = new Uint8Array(width * height).fill(255);
  const set = (x: number, y: number) => {
    if (x >= 0 && y >= 0 && x < width && y < height) pixels[y * width + x] = 0;
  };
  for (let x = 0; x < width; x++) [0, 1, height - 2, height - 1].forEach((y) => set(x, y));
  for (let y = 0; y < height; y++) [0, 1, width - 2, width - 1].forEach((x) => set(x, y));

  const module = Math.max(1, Math.floor((Math.min(height, width / 2) * 0.7) / MATRIX_MODULES));
  const offset = Math.round(4 * dotsPerMm);
  matrixModules(stamp.voucherId ?? "MUSTER").forEach((row, r) =>
    row.forEach((dark, c) => {
      if (!dark) return;
      for (let dy = 0; dy < module; dy++) {
        for (let dx = 0; dx < module; dx++) set(offset + c * module + dx, offset + r * module + dy);
      }
    }),
  );
  if (stamp.muster) {
    for (let x = 0; x < width; x++) {
      for (let t = 0; t < 4; t++) set(x, Math.round((x * height) / width) + t);
    }
  }
  return encodeGreyPng(width, height, pixels, {
    Title: "INTERNETMARKE",
    Voucher: stamp.voucherId ?? "",
    TrackId: stamp.trackId ?? "",
    Product: stamp.productName,
    Price: String(stamp.priceCents),
    Muster: String(stamp.muster),
  });
}

/** The PNG checkout answers with a ZIP of 0.png, 1.png, ... in position order, even for one stamp. */
export function zipStamps(pngs: Uint8Array[]): Uint8Array {
  return zipSync(Object.fromEntries(pngs.map((png, i) => [`${i}.png`, [png, { level: 0 }] as const])));
}
