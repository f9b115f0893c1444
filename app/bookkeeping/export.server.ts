/**
 * The month's files for one shop: the statement as PDF or CSV and the DATEV file. The balance anchor is
 * Deutsche Post's balance read now (a fresh login), so the statement starts from what Deutsche Post says.
 */
import type { Db } from "~/db.server";
import type { Locale } from "~/i18n";
import type { InternetmarkeClient } from "~/internetmarke";
import { currentBalance } from "~/portokasse/connection.server";
import { statementCsv } from "./csv";
import { datevFile, windows1252 } from "./datev";
import { monthKey, type Month } from "./month";
import { statementPdf } from "./pdf.server";
import { datevSettings, loadBookkeepingSettings } from "./settings.server";
import type { BalanceAnchor } from "./statement";
import { loadStatement } from "./statement.server";

export type ExportFormat = "pdf" | "csv" | "datev";

export interface ExportFile {
  bytes: Uint8Array;
  contentType: string;
  filename: string;
}

export class BookkeepingUnavailableError extends Error {
  override name = "BookkeepingUnavailableError";
  constructor(readonly reason: "no_portokasse" | "datev_settings_missing") {
    super(reason);
  }
}

/** Deutsche Post's balance now, with the time it was read. */
export async function balanceAnchor(
  db: Db,
  im: InternetmarkeClient,
  input: { shopId: string; encryptionKey: string; now: Date },
): Promise<BalanceAnchor> {
  const view = await currentBalance(db, im, { ...input, maxAgeMs: 0 });
  if (!view || view.balanceCents === null || !view.balanceCheckedAt)
    throw new BookkeepingUnavailableError("no_portokasse");
  return { balanceCents: view.balanceCents, at: view.balanceCheckedAt };
}

export async function exportFile(
  db: Db,
  input: {
    shopId: string;
    month: Month;
    format: ExportFormat;
    locale: Locale;
    anchor: BalanceAnchor;
    account: string;
    now: Date;
  },
): Promise<ExportFile> {
  const statement = await loadStatement(db, {
    shopId: input.shopId,
    month: input.month,
    anchor: input.anchor,
  });
  const name = `portokasse-${monthKey(input.month)}`;
  if (input.format === "pdf")
    return {
      bytes: await statementPdf(statement, input.account, input.locale),
      contentType: "application/pdf",
      filename: `${name}.pdf`,
    };
  if (input.format === "csv")
    return {
      bytes: new TextEncoder().encode(statementCsv(statement, input.account, input.locale)),
      contentType: "text/csv; charset=utf-8",
      filename: `${name}.csv`,
    };
  const settings = datevSettings(await loadBookkeepingSettings(db, input.shopId));
  if (!settings) throw new BookkeepingUnavailableError("datev_settings_missing");
  return {
    bytes: windows1252(datevFile(statement, settings, input.now)),
    contentType: "text/csv; charset=windows-1252",
    filename: `EXTF_Buchungsstapel_${name}.csv`,
  };
}
