-- AlterTable
ALTER TABLE "FrankingBatch" ADD COLUMN "recipientDataPurgedAt" DATETIME;

-- AlterTable
ALTER TABLE "FrankingCart" ADD COLUMN "filesRedactedAt" DATETIME;
ALTER TABLE "FrankingCart" ADD COLUMN "sweptAt" DATETIME;

-- AlterTable
ALTER TABLE "FrankingOrder" ADD COLUMN "sweepFinding" TEXT;

-- CreateTable
CREATE TABLE "ReceivedWebhook" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopDomain" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "bodySha256" TEXT NOT NULL,
    "triggeredAt" DATETIME NOT NULL,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "BatchRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "response" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "ReceivedWebhook_receivedAt_idx" ON "ReceivedWebhook"("receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ReceivedWebhook_shopDomain_topic_eventId_key" ON "ReceivedWebhook"("shopDomain", "topic", "eventId");

-- CreateIndex
CREATE UNIQUE INDEX "ReceivedWebhook_shopDomain_topic_bodySha256_key" ON "ReceivedWebhook"("shopDomain", "topic", "bodySha256");

-- CreateIndex
CREATE INDEX "BatchRequest_createdAt_idx" ON "BatchRequest"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "BatchRequest_shopId_key_key" ON "BatchRequest"("shopId", "key");
