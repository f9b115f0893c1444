/** The statement's words in German and English (the files are read by people and by accountants). */
import type { Locale } from "~/i18n";
import type { LedgerKind } from "./ledger";

export const KIND_WORDS: Record<Locale, Record<LedgerKind, string>> = {
  de: {
    purchase: "Kauf",
    refund_requested: "Erstattung beantragt",
    refund_confirmed: "Erstattung bestätigt",
    refund_refused: "Erstattung abgelehnt",
    top_up: "Aufladung",
  },
  en: {
    purchase: "Purchase",
    refund_requested: "Refund requested",
    refund_confirmed: "Refund confirmed",
    refund_refused: "Refund refused",
    top_up: "Top-up",
  },
};

export const STATEMENT_WORDS = {
  de: {
    title: "Kontoauszug Portokasse",
    month: "Monat",
    account: "Portokasse",
    opening: "Anfangssaldo",
    closing: "Endsaldo",
    date: "Datum",
    kind: "Vorgang",
    reference: "Referenz",
    stamps: "Marken",
    amount: "Betrag (EUR)",
    effect: "Wirkung auf Saldo (EUR)",
    balance: "Saldo (EUR)",
    totals: "Summen",
    noEntries: "Keine Buchungen in diesem Monat.",
    basis: "Salden aus dem Guthaben laut Deutscher Post am {date} und den Buchungen der App.",
  },
  en: {
    title: "Portokasse statement",
    month: "Month",
    account: "Portokasse",
    opening: "Opening balance",
    closing: "Closing balance",
    date: "Date",
    kind: "Entry",
    reference: "Reference",
    stamps: "Stamps",
    amount: "Amount (EUR)",
    effect: "Effect on balance (EUR)",
    balance: "Balance (EUR)",
    totals: "Totals",
    noEntries: "No entries this month.",
    basis: "Balances from Deutsche Post's balance on {date} and the app's entries.",
  },
} as const;
