/** admin.order-details.action.render: "Frank order" on the order details page (one order). */
import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { FrankFlow } from "./frank/FrankFlow";

export default async function extension() {
  const orderIds = shopify.data.selected.map((order) => order.id);
  render(<FrankFlow orderIds={orderIds} close={() => shopify.close()} />, document.body);
}
