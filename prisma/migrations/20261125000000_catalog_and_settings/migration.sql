-- AlterTable
ALTER TABLE "PortokasseAccount" ADD COLUMN "lastCheckedAt" DATETIME;
ALTER TABLE "PortokasseAccount" ADD COLUMN "lastProblem" TEXT;

-- CreateTable
CREATE TABLE "ProductCatalog" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "products" TEXT NOT NULL DEFAULT '[]',
    "sourceDate" TEXT,
    "fetchedAt" DATETIME,
    "priceListChangedAt" DATETIME,
    "priceListChanges" TEXT,
    "lastAttemptAt" DATETIME,
    "lastFailureAt" DATETIME,
    "lastFailure" TEXT,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "PortokasseCatalog" (
    "shopId" TEXT NOT NULL PRIMARY KEY,
    "pageFormats" TEXT NOT NULL DEFAULT '[]',
    "publicMotifs" TEXT NOT NULL DEFAULT '[]',
    "privateMotifs" TEXT NOT NULL DEFAULT '[]',
    "contractProducts" TEXT NOT NULL DEFAULT '[]',
    "fetchedAt" DATETIME,
    "lastFailureAt" DATETIME,
    "lastFailure" TEXT,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PortokasseCatalog_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
