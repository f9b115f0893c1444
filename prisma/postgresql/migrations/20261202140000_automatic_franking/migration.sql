-- CreateTable
CREATE TABLE "AutomationSetting" (
    "shopId" TEXT NOT NULL,
    "config" TEXT NOT NULL DEFAULT '{}',
    "paused" BOOLEAN NOT NULL DEFAULT false,
    "activeSince" TIMESTAMP(3) NOT NULL,
    "lastSweepAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AutomationSetting_pkey" PRIMARY KEY ("shopId")
);

-- CreateTable
CREATE TABLE "AutomationCandidate" (
    "id" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "seenAt" TIMESTAMP(3) NOT NULL,
    "checkedAt" TIMESTAMP(3),
    "doneAt" TIMESTAMP(3),
    "outcome" TEXT,
    "runId" TEXT,

    CONSTRAINT "AutomationCandidate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AutomationRun" (
    "id" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "slotKey" TEXT NOT NULL,
    "slotAt" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'RUNNING',
    "reason" TEXT,
    "batchId" TEXT,
    "orderCount" INTEGER NOT NULL DEFAULT 0,
    "estimateCents" INTEGER NOT NULL DEFAULT 0,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "leaseOwner" TEXT,
    "leaseUntil" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),
    "seenAt" TIMESTAMP(3),

    CONSTRAINT "AutomationRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AutomationCandidate_shopId_doneAt_idx" ON "AutomationCandidate"("shopId", "doneAt");

-- CreateIndex
CREATE UNIQUE INDEX "AutomationCandidate_shopId_orderId_key" ON "AutomationCandidate"("shopId", "orderId");

-- CreateIndex
CREATE INDEX "AutomationRun_shopId_createdAt_idx" ON "AutomationRun"("shopId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "AutomationRun_shopId_slotKey_key" ON "AutomationRun"("shopId", "slotKey");

-- AddForeignKey
ALTER TABLE "AutomationSetting" ADD CONSTRAINT "AutomationSetting_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AutomationCandidate" ADD CONSTRAINT "AutomationCandidate_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AutomationRun" ADD CONSTRAINT "AutomationRun_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;
