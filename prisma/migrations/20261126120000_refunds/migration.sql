-- CreateTable
CREATE TABLE "RefundJob" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopId" TEXT NOT NULL,
    "webhookEventId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'QUEUED',
    "outcome" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL,
    "lastError" TEXT,
    "leaseOwner" TEXT,
    "leaseUntil" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "doneAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "RefundJob_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RefundJob_webhookEventId_fkey" FOREIGN KEY ("webhookEventId") REFERENCES "WebhookEvent" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RetoureRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopId" TEXT NOT NULL,
    "cartId" TEXT,
    "state" TEXT NOT NULL DEFAULT 'PENDING',
    "shopRetoureId" TEXT,
    "retoureTransactionId" TEXT,
    "requestedCents" INTEGER NOT NULL,
    "refundedCents" INTEGER,
    "retourePriceCents" INTEGER,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "checks" INTEGER NOT NULL DEFAULT 0,
    "nextCheckAt" DATETIME NOT NULL,
    "sentAt" DATETIME,
    "openSeenAt" DATETIME,
    "closedAt" DATETIME,
    "lastError" TEXT,
    "leaseOwner" TEXT,
    "leaseUntil" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "RetoureRequest_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Refund" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "voucherId" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "retoureId" TEXT,
    "source" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'PENDING',
    "reason" TEXT,
    "priceCents" INTEGER NOT NULL,
    "refundedCents" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Refund_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Refund_voucherId_fkey" FOREIGN KEY ("voucherId") REFERENCES "Voucher" ("voucherId") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Refund_retoureId_fkey" FOREIGN KEY ("retoureId") REFERENCES "RetoureRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RefundSync" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "dirty" BOOLEAN NOT NULL DEFAULT true,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL,
    "lastError" TEXT,
    "leaseOwner" TEXT,
    "leaseUntil" DATETIME,
    "syncedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "RefundSync_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "RefundJob_webhookEventId_key" ON "RefundJob"("webhookEventId");

-- CreateIndex
CREATE INDEX "RefundJob_state_nextAttemptAt_idx" ON "RefundJob"("state", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "RefundJob_shopId_orderId_idx" ON "RefundJob"("shopId", "orderId");

-- CreateIndex
CREATE INDEX "RetoureRequest_state_nextCheckAt_idx" ON "RetoureRequest"("state", "nextCheckAt");

-- CreateIndex
CREATE UNIQUE INDEX "RetoureRequest_shopId_shopRetoureId_key" ON "RetoureRequest"("shopId", "shopRetoureId");

-- CreateIndex
CREATE UNIQUE INDEX "Refund_voucherId_key" ON "Refund"("voucherId");

-- CreateIndex
CREATE INDEX "Refund_shopId_state_idx" ON "Refund"("shopId", "state");

-- CreateIndex
CREATE INDEX "Refund_shopId_orderId_idx" ON "Refund"("shopId", "orderId");

-- CreateIndex
CREATE INDEX "Refund_retoureId_idx" ON "Refund"("retoureId");

-- CreateIndex
CREATE INDEX "RefundSync_dirty_nextAttemptAt_idx" ON "RefundSync"("dirty", "nextAttemptAt");

-- CreateIndex
CREATE UNIQUE INDEX "RefundSync_shopId_orderId_key" ON "RefundSync"("shopId", "orderId");
