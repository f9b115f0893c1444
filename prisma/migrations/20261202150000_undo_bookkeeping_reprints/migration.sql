-- CreateTable
CREATE TABLE "FrankingUndo" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "orderName" TEXT NOT NULL,
    "batchId" TEXT NOT NULL,
    "batchOrderId" TEXT NOT NULL,
    "voucherId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "fulfillmentId" TEXT,
    "shopifyError" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "filedAt" DATETIME,
    "doneAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "FrankingUndo_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BookkeepingSettings" (
    "shopId" TEXT NOT NULL PRIMARY KEY,
    "refundOnShopifyCancel" BOOLEAN NOT NULL DEFAULT false,
    "chart" TEXT NOT NULL DEFAULT 'SKR03',
    "postageAccount" TEXT NOT NULL DEFAULT '4910',
    "portokasseAccount" TEXT NOT NULL DEFAULT '1360',
    "topUpAccount" TEXT NOT NULL DEFAULT '1200',
    "consultantNumber" INTEGER,
    "clientNumber" INTEGER,
    "fiscalYearStartMonth" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "BookkeepingSettings_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LabelPrint" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopId" TEXT NOT NULL,
    "batchId" TEXT NOT NULL,
    "orderId" TEXT,
    "reprint" BOOLEAN NOT NULL,
    "acknowledged" BOOLEAN NOT NULL DEFAULT false,
    "printedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LabelPrint_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "FrankingUndo_batchOrderId_key" ON "FrankingUndo"("batchOrderId");

-- CreateIndex
CREATE INDEX "FrankingUndo_shopId_orderId_idx" ON "FrankingUndo"("shopId", "orderId");

-- CreateIndex
CREATE INDEX "FrankingUndo_shopId_state_idx" ON "FrankingUndo"("shopId", "state");

-- CreateIndex
CREATE INDEX "LabelPrint_shopId_batchId_idx" ON "LabelPrint"("shopId", "batchId");
