/**
 * Text for pdf-lib's standard fonts, which only encode WinAnsi (Latin-1 plus a few signs): anything else
 * would throw while drawing. Characters the font lacks lose their accents (ř -> r), a few letters without a
 * decomposition are spelled out (ł -> l), anything else becomes `?`; text is shortened with an ellipsis to fit.
 */
import type { PDFFont } from "pdf-lib";

/** Letters Unicode does not decompose into a base letter plus accent. */
const SPELLED: Record<string, string> = {
  ł: "l",
  Ł: "L",
  đ: "d",
  Đ: "D",
  ħ: "h",
  Ħ: "H",
  ı: "i",
  ŀ: "l",
  Ŀ: "L",
};

const supported = new WeakMap<PDFFont, Set<number>>();

function characterSet(font: PDFFont): Set<number> {
  let set = supported.get(font);
  if (set === undefined) {
    set = new Set(font.getCharacterSet());
    supported.set(font, set);
  }
  return set;
}

/** `text` with every character the font cannot draw replaced (accents dropped first, then `?`). */
export function encodable(font: PDFFont, text: string): string {
  const set = characterSet(font);
  return [...text.replace(/[\r\n\t]+/g, " ")]
    .map((ch) => {
      if (set.has(ch.codePointAt(0) ?? 0)) return ch;
      const base = SPELLED[ch] ?? ch.normalize("NFD").replace(/\p{M}+/gu, "");
      return base !== "" && [...base].every((c) => set.has(c.codePointAt(0) ?? 0)) ? base : "?";
    })
    .join("");
}

/** `text` cut to `maxWidth` points at `size`, ending in an ellipsis when shortened. */
export function fitText(font: PDFFont, text: string, size: number, maxWidth: number): string {
  const clean = encodable(font, text);
  if (font.widthOfTextAtSize(clean, size) <= maxWidth) return clean;
  const chars = [...clean];
  while (chars.length > 0 && font.widthOfTextAtSize(`${chars.join("")}…`, size) > maxWidth) chars.pop();
  return `${chars.join("")}…`;
}
