/** admin.order-index.selection-action.render: "Frank orders" for the orders selected on the order index. */
import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { FrankFlow } from "./frank/FrankFlow";

export default async function extension() {
  const orderIds = shopify.data.selected.map((order) => order.id);
  render(<FrankFlow orderIds={orderIds} close={() => shopify.close()} />, document.body);
}
