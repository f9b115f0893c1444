-- AlterTable
ALTER TABLE "PortokasseAccount" ADD COLUMN     "lastCheckedAt" TIMESTAMP(3),
ADD COLUMN     "lastProblem" TEXT;

-- CreateTable
CREATE TABLE "ProductCatalog" (
    "id" TEXT NOT NULL,
    "products" TEXT NOT NULL DEFAULT '[]',
    "sourceDate" TEXT,
    "fetchedAt" TIMESTAMP(3),
    "priceListChangedAt" TIMESTAMP(3),
    "priceListChanges" TEXT,
    "lastAttemptAt" TIMESTAMP(3),
    "lastFailureAt" TIMESTAMP(3),
    "lastFailure" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProductCatalog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PortokasseCatalog" (
    "shopId" TEXT NOT NULL,
    "pageFormats" TEXT NOT NULL DEFAULT '[]',
    "publicMotifs" TEXT NOT NULL DEFAULT '[]',
    "privateMotifs" TEXT NOT NULL DEFAULT '[]',
    "contractProducts" TEXT NOT NULL DEFAULT '[]',
    "fetchedAt" TIMESTAMP(3),
    "lastFailureAt" TIMESTAMP(3),
    "lastFailure" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PortokasseCatalog_pkey" PRIMARY KEY ("shopId")
);

-- AddForeignKey
ALTER TABLE "PortokasseCatalog" ADD CONSTRAINT "PortokasseCatalog_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;
