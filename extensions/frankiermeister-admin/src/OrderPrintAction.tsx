/** admin.order-details.print-action.render: print the order's label (PDF from the app). */
import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { LabelsPrint } from "./print/LabelsPrint";

export default async function extension() {
  const orderIds = shopify.data.selected.map((order) => order.id);
  render(<LabelsPrint orderIds={orderIds} />, document.body);
}
