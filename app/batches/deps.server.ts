/** The production wiring of the download services: the app's database, Portokasse and plain fetch. */
import { config } from "~/config.server";
import { db } from "~/db.server";
import { internetmarke } from "~/internetmarke.server";
import { portokasseFor } from "~/portokasse/connection.server";
import type { CartBytesDeps } from "./cart-bytes.server";

export function downloadDeps(): CartBytesDeps {
  return {
    db: db(),
    now: () => new Date(),
    fetchBytes: (url) => fetch(url),
    refetchLinks: async (shopId, shopOrderId) => {
      const linked = await portokasseFor(db(), internetmarke(), shopId, config().ENCRYPTION_KEY);
      if (!linked) return null;
      const retrieved = await linked.kasse.retrieveCart(shopOrderId);
      return retrieved.bought
        ? { link: retrieved.cart.link, manifestLink: retrieved.cart.manifestLink }
        : null;
    },
  };
}
