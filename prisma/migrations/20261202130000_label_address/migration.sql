-- The recipient address the app prints beside a franking-zone stamp (JSON lines), or null (ADR 014).
ALTER TABLE "FrankingOrder" ADD COLUMN "labelAddress" TEXT;
