// A pseudo DataMatrix: the solid "L" finder on the left and bottom edges, the dotted timing
// pattern on the top and right edges, and data modules drawn from the voucher id. It only looks
// the part; no scanner will read it.
export const MATRIX_MODULES = 16;

/** Rows top to bottom, true = dark module. */
export function matrixModules(seed: string): boolean[][] {
  let state = 2166136261;
  for (const ch of seed) state = Math.imul(state ^ ch.charCodeAt(0), 16777619) >>> 0;
  const next = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 16) & 1;
  };
  const n = MATRIX_MODULES;
  return Array.from({ length: n }, (_, row) =>
    Array.from({ length: n }, (_, col) => {
      if (col === 0 || row === n - 1) return true;
      if (row === 0) return col % 2 === 0;
      if (col === n - 1) return row % 2 === 1;
      return next() === 1;
    }),
  );
}
