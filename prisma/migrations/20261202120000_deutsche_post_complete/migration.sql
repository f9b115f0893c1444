-- AlterTable
ALTER TABLE "FrankingBatch" ADD COLUMN "confirmedTotalCents" INTEGER;
ALTER TABLE "FrankingBatch" ADD COLUMN "priceChange" TEXT;

-- CreateTable
CREATE TABLE "PortokasseTopUp" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopId" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'SENT',
    "balanceBeforeCents" INTEGER NOT NULL,
    "balanceAfterCents" INTEGER,
    "shopOrderId" TEXT,
    "problem" TEXT,
    "requestedBy" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "settledAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PortokasseTopUp_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TermsAcceptance" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopId" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "acceptedBy" TEXT NOT NULL,
    "acceptedAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TermsAcceptance_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ServiceHealth" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "up" BOOLEAN NOT NULL,
    "checkedAt" DATETIME NOT NULL,
    "downSince" DATETIME,
    "detail" TEXT,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "PortokasseTopUp_shopId_createdAt_idx" ON "PortokasseTopUp"("shopId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "TermsAcceptance_shopId_version_key" ON "TermsAcceptance"("shopId", "version");
