import { startAppAutomationWorker } from "./automation/start.server";
import { startCatalogRefreshTimer } from "./catalog/refresh.server";
import { startAppFrankingWorker } from "./franking/start.server";
import { startAppRefundWorker } from "./refunds/start.server";

/**
 * Starts this process's background work: the franking, refund and automatic franking workers and the hourly check
 * whether the price list is older than a day. `stop()` waits for the workers.
 */
export function startBackgroundWorkers() {
  const franking = startAppFrankingWorker();
  const refunds = startAppRefundWorker();
  const automation = startAppAutomationWorker();
  const stopCatalogRefresh = startCatalogRefreshTimer();
  return {
    stop: async () => {
      stopCatalogRefresh();
      await Promise.all([franking.stop(), refunds.stop(), automation.stop()]);
    },
  };
}
