/**
 * One ZIP of all stamp PNGs of a batch. Deutsche Post answers a PNG checkout with a ZIP per cart whose
 * entries are `0.png`, `1.png`, ... in position order; the batch file renames them in batch order.
 */
import { unzipSync, zipSync, type Zippable } from "fflate";
import { LabelFileError, NotAPngError, NotAZipError } from "./errors";

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const IHDR = [0x49, 0x48, 0x44, 0x52];

/** A PNG starts with its signature followed by the IHDR chunk (length 13). */
export function isPng(bytes: Uint8Array): boolean {
  if (bytes.length < 33) return false;
  if (!PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return false;
  const ihdrLength =
    ((bytes[8] ?? 0) << 24) | ((bytes[9] ?? 0) << 16) | ((bytes[10] ?? 0) << 8) | (bytes[11] ?? 0);
  return ihdrLength === 13 && IHDR.every((b, i) => bytes[12 + i] === b);
}

const naturalOrder = new Intl.Collator("en", { numeric: true }).compare;

/** The PNG entries of one cart's ZIP in position order (`2.png` before `10.png`). Folders are skipped. */
export function readStampZip(bytes: Uint8Array, part: number): { name: string; png: Uint8Array }[] {
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new NotAZipError(part, "no PK signature");
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch (error) {
    throw new NotAZipError(part, error instanceof Error ? error.message : String(error), error);
  }
  const entries = Object.entries(files)
    .filter(([name]) => !name.endsWith("/"))
    .sort(([a], [b]) => naturalOrder(a, b));
  for (const [name, png] of entries) if (!isPng(png)) throw new NotAPngError(part, name);
  return entries.map(([name, png]) => ({ name, png }));
}

/** Characters that break file names on Windows, macOS or in ZIP paths become `_`. */
export function safeFileName(name: string): string {
  const cleaned = [...name.normalize("NFC")]
    .map((ch) => (/[\\/:*?"<>|]/.test(ch) || ch.charCodeAt(0) < 0x20 || ch === "\u007f" ? "_" : ch))
    .join("")
    .trim()
    .replace(/^\.+/, "");
  return [...cleaned].slice(0, 80).join("");
}

/**
 * All stamps of the batch as one ZIP, in cart order then position order. Entries are named
 * `001-<name>.png` with `names[i]` for the i-th stamp of the batch (e.g. the order name `#1001`), or
 * `001.png` without names. The number is padded to at least three digits so the files sort in batch order.
 */
export function mergePngZips(parts: readonly Uint8Array[], names?: readonly string[]): Uint8Array {
  if (parts.length === 0) throw new LabelFileError("nothing_to_merge", "No PNG ZIPs to merge");
  const stamps = parts.flatMap((bytes, part) => readStampZip(bytes, part));
  if (names !== undefined && names.length !== stamps.length) {
    throw new LabelFileError(
      "name_count_mismatch",
      `${names.length} names for ${stamps.length} stamps: give one name per stamp in batch order`,
    );
  }
  const width = Math.max(3, String(stamps.length).length);
  const zippable: Zippable = {};
  stamps.forEach(({ png }, i) => {
    const number = String(i + 1).padStart(width, "0");
    const label = names?.[i] === undefined ? "" : safeFileName(names[i] ?? "");
    zippable[label === "" ? `${number}.png` : `${number}-${label}.png`] = [png, { level: 0 }];
  });
  return zipSync(zippable);
}
