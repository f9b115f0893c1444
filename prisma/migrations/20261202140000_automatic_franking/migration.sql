-- CreateTable
CREATE TABLE "AutomationSetting" (
    "shopId" TEXT NOT NULL PRIMARY KEY,
    "config" TEXT NOT NULL DEFAULT '{}',
    "paused" BOOLEAN NOT NULL DEFAULT false,
    "activeSince" DATETIME NOT NULL,
    "lastSweepAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "AutomationSetting_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AutomationCandidate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "seenAt" DATETIME NOT NULL,
    "checkedAt" DATETIME,
    "doneAt" DATETIME,
    "outcome" TEXT,
    "runId" TEXT,
    CONSTRAINT "AutomationCandidate_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AutomationRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopId" TEXT NOT NULL,
    "slotKey" TEXT NOT NULL,
    "slotAt" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'RUNNING',
    "reason" TEXT,
    "batchId" TEXT,
    "orderCount" INTEGER NOT NULL DEFAULT 0,
    "estimateCents" INTEGER NOT NULL DEFAULT 0,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "leaseOwner" TEXT,
    "leaseUntil" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "finishedAt" DATETIME,
    "seenAt" DATETIME,
    CONSTRAINT "AutomationRun_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "AutomationCandidate_shopId_doneAt_idx" ON "AutomationCandidate"("shopId", "doneAt");

-- CreateIndex
CREATE UNIQUE INDEX "AutomationCandidate_shopId_orderId_key" ON "AutomationCandidate"("shopId", "orderId");

-- CreateIndex
CREATE INDEX "AutomationRun_shopId_createdAt_idx" ON "AutomationRun"("shopId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "AutomationRun_shopId_slotKey_key" ON "AutomationRun"("shopId", "slotKey");
