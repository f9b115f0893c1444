/**
 * Typed errors for label files. Each names the part (the cart's position in the batch, 0-based) and, for
 * ZIPs, the entry, so that a caller can say which cart's stored bytes are broken and re-fetch them.
 */
export type LabelFileErrorCode =
  | "nothing_to_merge"
  | "not_a_pdf"
  | "encrypted_pdf"
  | "not_a_zip"
  | "not_a_png"
  | "name_count_mismatch"
  | "page_out_of_range";

export class LabelFileError extends Error {
  override name = "LabelFileError";
  readonly code: LabelFileErrorCode;
  /** 0-based index of the offending part (cart) in the input, if one part is to blame. */
  readonly part: number | null;
  /** ZIP entry name, for `not_a_png`. */
  readonly entry: string | null;

  constructor(
    code: LabelFileErrorCode,
    message: string,
    details: { part?: number; entry?: string; cause?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    this.part = details.part ?? null;
    this.entry = details.entry ?? null;
  }
}

/** A part that is not a readable PDF (wrong magic bytes, broken structure). */
export class NotAPdfError extends LabelFileError {
  override name = "NotAPdfError";
  constructor(part: number, reason: string, cause?: unknown) {
    super("not_a_pdf", `Part ${part} is not a readable PDF: ${reason}`, { part, cause });
  }
}

/** A part that is not a ZIP archive. */
export class NotAZipError extends LabelFileError {
  override name = "NotAZipError";
  constructor(part: number, reason: string, cause?: unknown) {
    super("not_a_zip", `Part ${part} is not a readable ZIP archive: ${reason}`, { part, cause });
  }
}

/** A ZIP entry that is not a PNG image. */
export class NotAPngError extends LabelFileError {
  override name = "NotAPngError";
  constructor(part: number, entry: string) {
    super("not_a_png", `Entry "${entry}" of part ${part} is not a PNG image`, { part, entry });
  }
}
