/** The shop's DATEV settings (BookkeepingSettings): read with defaults, validated on save. */
import { z } from "zod";
import type { Db } from "~/db.server";
import type { MessageKey } from "~/i18n";
import { CHART_DEFAULTS, type DatevSettings } from "./datev";

export interface BookkeepingSettingsView {
  chart: "SKR03" | "SKR04";
  postageAccount: string;
  portokasseAccount: string;
  topUpAccount: string;
  consultantNumber: number | null;
  clientNumber: number | null;
  fiscalYearStartMonth: number;
}

const account = z
  .string()
  .trim()
  .regex(/^\d{4,8}$/, "bookkeeping.error.account");
const number = (min: number, max: number, message: MessageKey) =>
  z.preprocess(
    (v) => (v === "" || v === null || v === undefined ? null : Number(v)),
    z.number().int(message).min(min, message).max(max, message).nullable(),
  );

export const bookkeepingForm = z.object({
  chart: z.enum(["SKR03", "SKR04"]),
  postageAccount: account,
  portokasseAccount: account,
  topUpAccount: account,
  consultantNumber: number(1001, 9_999_999, "bookkeeping.error.consultant"),
  clientNumber: number(1, 99_999, "bookkeeping.error.client"),
  fiscalYearStartMonth: z.preprocess(
    (v) => Number(v),
    z
      .number()
      .int("bookkeeping.error.month")
      .min(1, "bookkeeping.error.month")
      .max(12, "bookkeeping.error.month"),
  ),
});

export async function loadBookkeepingSettings(db: Db, shopId: string): Promise<BookkeepingSettingsView> {
  const row = await db.bookkeepingSettings.findUnique({ where: { shopId } });
  const chart = row?.chart === "SKR04" ? "SKR04" : "SKR03";
  return {
    chart,
    postageAccount: row?.postageAccount ?? CHART_DEFAULTS[chart].postageAccount,
    portokasseAccount: row?.portokasseAccount ?? CHART_DEFAULTS[chart].portokasseAccount,
    topUpAccount: row?.topUpAccount ?? CHART_DEFAULTS[chart].topUpAccount,
    consultantNumber: row?.consultantNumber ?? null,
    clientNumber: row?.clientNumber ?? null,
    fiscalYearStartMonth: row?.fiscalYearStartMonth ?? 1,
  };
}

export type SaveResult = { ok: true } | { ok: false; errors: Record<string, MessageKey> };

const MESSAGE_KEYS = new Set<string>([
  "bookkeeping.error.account",
  "bookkeeping.error.consultant",
  "bookkeeping.error.client",
  "bookkeeping.error.month",
]);
const isMessageKey = (value: string): value is MessageKey => MESSAGE_KEYS.has(value);

/** Saves the form (all fields or none); every invalid field is named with its message. */
export async function saveBookkeepingSettings(
  db: Db,
  shopId: string,
  form: Record<string, unknown>,
): Promise<SaveResult> {
  const parsed = bookkeepingForm.safeParse(form);
  if (!parsed.success) {
    const errors: Record<string, MessageKey> = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "form");
      errors[field] = isMessageKey(issue.message) ? issue.message : "bookkeeping.error.account";
    }
    return { ok: false, errors };
  }
  await db.bookkeepingSettings.upsert({
    where: { shopId },
    create: { shopId, ...parsed.data },
    update: parsed.data,
  });
  return { ok: true };
}

/** The settings the DATEV file needs, or null while Berater- or Mandantennummer are missing. */
export function datevSettings(view: BookkeepingSettingsView): DatevSettings | null {
  if (view.consultantNumber === null || view.clientNumber === null) return null;
  return { ...view, consultantNumber: view.consultantNumber, clientNumber: view.clientNumber };
}
