-- CreateTable
CREATE TABLE "FrankingBatch" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'QUEUED',
    "labelFormat" TEXT NOT NULL,
    "pageFormatId" INTEGER,
    "gridColumns" INTEGER,
    "gridRows" INTEGER,
    "startPosition" INTEGER NOT NULL DEFAULT 1,
    "layout" TEXT NOT NULL,
    "imageId" INTEGER,
    "maxPositionsPerCart" INTEGER NOT NULL,
    "notifyCustomer" BOOLEAN NOT NULL DEFAULT false,
    "tag" TEXT NOT NULL,
    "totalCents" INTEGER NOT NULL DEFAULT 0,
    "balanceCents" INTEGER,
    "balanceCheckedAt" DATETIME,
    "missingCents" INTEGER,
    "stopReason" TEXT,
    "error" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "leaseOwner" TEXT,
    "leaseUntil" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" DATETIME,
    "finishedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "FrankingBatch_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FrankingOrder" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "batchId" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "orderName" TEXT NOT NULL,
    "productCode" INTEGER,
    "productName" TEXT,
    "priceCents" INTEGER,
    "registered" BOOLEAN NOT NULL DEFAULT false,
    "address" TEXT,
    "status" TEXT NOT NULL,
    "reason" TEXT,
    "error" TEXT,
    "position" INTEGER NOT NULL,
    "cartId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "FrankingOrder_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "FrankingBatch" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FrankingClaim" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "batchId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "FrankingClaim_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "FrankingClaim_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "FrankingBatch" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FrankingCart" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "batchId" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'PLANNED',
    "shopOrderId" TEXT,
    "positions" TEXT NOT NULL,
    "totalCents" INTEGER NOT NULL,
    "createManifest" BOOLEAN NOT NULL DEFAULT false,
    "link" TEXT,
    "manifestLink" TEXT,
    "labelBytes" BLOB,
    "manifestBytes" BLOB,
    "fetchedAt" DATETIME,
    "checkoutSentAt" DATETIME,
    "boughtAt" DATETIME,
    "error" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "FrankingCart_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "FrankingBatch" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Voucher" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "voucherId" TEXT NOT NULL,
    "trackId" TEXT,
    "shopId" TEXT NOT NULL,
    "batchId" TEXT NOT NULL,
    "cartId" TEXT NOT NULL,
    "batchOrderId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "productCode" INTEGER NOT NULL,
    "productName" TEXT NOT NULL,
    "priceCents" INTEGER NOT NULL,
    "boughtAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Voucher_cartId_fkey" FOREIGN KEY ("cartId") REFERENCES "FrankingCart" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Voucher_batchOrderId_fkey" FOREIGN KEY ("batchOrderId") REFERENCES "FrankingOrder" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FulfillmentTask" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "batchOrderId" TEXT NOT NULL,
    "batchId" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL,
    "lastError" TEXT,
    "fulfillmentId" TEXT,
    "doneAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "FulfillmentTask_batchOrderId_fkey" FOREIGN KEY ("batchOrderId") REFERENCES "FrankingOrder" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "FrankingBatch_status_leaseUntil_idx" ON "FrankingBatch"("status", "leaseUntil");

-- CreateIndex
CREATE INDEX "FrankingBatch_shopId_createdAt_idx" ON "FrankingBatch"("shopId", "createdAt");

-- CreateIndex
CREATE INDEX "FrankingOrder_shopId_orderId_idx" ON "FrankingOrder"("shopId", "orderId");

-- CreateIndex
CREATE UNIQUE INDEX "FrankingOrder_batchId_orderId_key" ON "FrankingOrder"("batchId", "orderId");

-- CreateIndex
CREATE INDEX "FrankingClaim_batchId_idx" ON "FrankingClaim"("batchId");

-- CreateIndex
CREATE UNIQUE INDEX "FrankingClaim_shopId_orderId_key" ON "FrankingClaim"("shopId", "orderId");

-- CreateIndex
CREATE UNIQUE INDEX "FrankingCart_shopOrderId_key" ON "FrankingCart"("shopOrderId");

-- CreateIndex
CREATE UNIQUE INDEX "FrankingCart_batchId_sequence_key" ON "FrankingCart"("batchId", "sequence");

-- CreateIndex
CREATE UNIQUE INDEX "Voucher_voucherId_key" ON "Voucher"("voucherId");

-- CreateIndex
CREATE UNIQUE INDEX "Voucher_batchOrderId_key" ON "Voucher"("batchOrderId");

-- CreateIndex
CREATE INDEX "Voucher_shopId_orderId_idx" ON "Voucher"("shopId", "orderId");

-- CreateIndex
CREATE UNIQUE INDEX "FulfillmentTask_batchOrderId_key" ON "FulfillmentTask"("batchOrderId");

-- CreateIndex
CREATE INDEX "FulfillmentTask_batchId_state_nextAttemptAt_idx" ON "FulfillmentTask"("batchId", "state", "nextAttemptAt");
