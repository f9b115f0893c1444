-- AlterTable
ALTER TABLE "FrankingBatch" ADD COLUMN     "recipientDataPurgedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "FrankingCart" ADD COLUMN     "filesRedactedAt" TIMESTAMP(3),
ADD COLUMN     "sweptAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "FrankingOrder" ADD COLUMN     "sweepFinding" TEXT;

-- CreateTable
CREATE TABLE "ReceivedWebhook" (
    "id" TEXT NOT NULL,
    "shopDomain" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "bodySha256" TEXT NOT NULL,
    "triggeredAt" TIMESTAMP(3) NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReceivedWebhook_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BatchRequest" (
    "id" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "response" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BatchRequest_pkey" PRIMARY KEY ("id")
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
