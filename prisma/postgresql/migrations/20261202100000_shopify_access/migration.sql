-- AlterTable: set when Shopify refused the refresh of the shop's offline token (ADR 008)
ALTER TABLE "Shop" ADD COLUMN     "shopifyAccessLostAt" TIMESTAMP(3);
