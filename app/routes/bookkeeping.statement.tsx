import type { LoaderFunctionArgs } from "@remix-run/node";
import {
  BookkeepingUnavailableError,
  balanceAnchor,
  exportFile,
  type ExportFormat,
} from "~/bookkeeping/export.server";
import { parseMonth } from "~/bookkeeping/month";
import { fileResponse } from "~/batches/responses";
import { serveDownload } from "~/batches/serve.server";
import { config } from "~/config.server";
import { db } from "~/db.server";
import { resolveLocale } from "~/i18n";
import { internetmarke } from "~/internetmarke.server";

const FORMATS = new Set<string>(["pdf", "csv", "datev"]);
const isFormat = (value: string | null): value is ExportFormat => FORMATS.has(value ?? "");

const refuse = (status: number, text: string) =>
  new Response(text, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });

/**
 * GET /bookkeeping/statement?month=YYYY-MM&format=pdf|csv|datev: the month's Portokasse statement (PDF,
 * CSV) or its DATEV Buchungsstapel. Signed link of the shop or a session token (like the label files).
 * 409 while no Portokasse is linked (the balances start from its balance) or, for DATEV, while Berater-
 * and Mandantennummer are missing.
 */
export const loader = ({ request }: LoaderFunctionArgs) =>
  serveDownload(request, async (shopDomain, url) => {
    const month = parseMonth(url.searchParams.get("month"));
    const format = url.searchParams.get("format");
    if (!month || !isFormat(format)) return refuse(400, "Give month=YYYY-MM and format=pdf, csv or datev");
    const shop = await db().shop.findUnique({
      where: { domain: shopDomain },
      include: { portokasse: { select: { username: true } } },
    });
    if (!shop?.portokasse) return refuse(409, "no_portokasse");
    const now = new Date();
    try {
      const anchor = await balanceAnchor(db(), internetmarke(), {
        shopId: shop.id,
        encryptionKey: config().ENCRYPTION_KEY,
        now,
      });
      const file = await exportFile(db(), {
        shopId: shop.id,
        month,
        format,
        locale: resolveLocale(request),
        anchor,
        account: shop.portokasse.username,
        now,
      });
      return fileResponse(file, format === "pdf" ? "inline" : "attachment");
    } catch (error) {
      if (error instanceof BookkeepingUnavailableError) return refuse(409, error.reason);
      throw error;
    }
  });
