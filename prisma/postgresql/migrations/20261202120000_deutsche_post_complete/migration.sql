-- AlterTable
ALTER TABLE "FrankingBatch" ADD COLUMN     "confirmedTotalCents" INTEGER,
ADD COLUMN     "priceChange" TEXT;

-- CreateTable
CREATE TABLE "PortokasseTopUp" (
    "id" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'SENT',
    "balanceBeforeCents" INTEGER NOT NULL,
    "balanceAfterCents" INTEGER,
    "shopOrderId" TEXT,
    "problem" TEXT,
    "requestedBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "settledAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PortokasseTopUp_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TermsAcceptance" (
    "id" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "acceptedBy" TEXT NOT NULL,
    "acceptedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TermsAcceptance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceHealth" (
    "id" TEXT NOT NULL,
    "up" BOOLEAN NOT NULL,
    "checkedAt" TIMESTAMP(3) NOT NULL,
    "downSince" TIMESTAMP(3),
    "detail" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ServiceHealth_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PortokasseTopUp_shopId_createdAt_idx" ON "PortokasseTopUp"("shopId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "TermsAcceptance_shopId_version_key" ON "TermsAcceptance"("shopId", "version");

-- AddForeignKey
ALTER TABLE "PortokasseTopUp" ADD CONSTRAINT "PortokasseTopUp_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TermsAcceptance" ADD CONSTRAINT "TermsAcceptance_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;
