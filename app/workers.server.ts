import { startCatalogRefreshTimer } from "./catalog/refresh.server";
import { startAppFrankingWorker } from "./franking/start.server";
import { startAppRefundWorker } from "./refunds/start.server";

/**
 * Starts this process's background work: the franking and refund workers and the hourly check
 * whether the price list is older than a day. `stop()` waits for the workers.
 */
export function startBackgroundWorkers() {
  const franking = startAppFrankingWorker();
  const refunds = startAppRefundWorker();
  const stopCatalogRefresh = startCatalogRefreshTimer();
  return {
    stop: async () => {
      stopCatalogRefresh();
      await Promise.all([franking.stop(), refunds.stop()]);
    },
  };
}
