/** admin.order-details.block.render: the order's franking status card. */
import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { FrankingBlock } from "./block/FrankingBlock";

/** Handle of the order details action (shopify.extension.toml); the block opens it to frank the order. */
export const FRANK_ORDER_ACTION = "extension://frank-order";

export default async function extension() {
  const orderId = shopify.data.selected[0]?.id;
  if (orderId === undefined) return;
  render(
    <FrankingBlock orderId={orderId} onFrank={() => shopify.navigation.navigate(FRANK_ORDER_ACTION)} />,
    document.body,
  );
}
