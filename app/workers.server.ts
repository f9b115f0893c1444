import { startAppAutomationWorker } from "./automation/start.server";
import { startCatalogRefreshTimer } from "./catalog/refresh.server";
import { startAppFrankingWorker } from "./franking/start.server";
import { startAppRefundWorker } from "./refunds/start.server";
import { startDailyHousekeeping } from "./sweep/daily.server";

/**
 * Starts this process's background work: the franking, refund and automatic franking workers, the hourly
 * check whether the price list is older than a day, and the daily housekeeping (app/sweep). `stop()` waits
 * for the workers.
 */
export function startBackgroundWorkers() {
  const franking = startAppFrankingWorker();
  const refunds = startAppRefundWorker();
  const automation = startAppAutomationWorker();
  const stopCatalogRefresh = startCatalogRefreshTimer();
  // Reconciliation sweep, recipient-data retention, pruning (issue 11).
  const stopHousekeeping = startDailyHousekeeping();
  return {
    stop: async () => {
      stopCatalogRefresh();
      stopHousekeeping();
      await Promise.all([franking.stop(), refunds.stop(), automation.stop()]);
    },
  };
}
