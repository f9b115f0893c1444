-- When the merchant saw a finished batch's page: a stopped batch is announced on every page until then.
ALTER TABLE "FrankingBatch" ADD COLUMN "seenAt" DATETIME;
