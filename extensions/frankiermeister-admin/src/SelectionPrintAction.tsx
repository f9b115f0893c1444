/** admin.order-index.selection-print-action.render: print the labels of the selected orders as one PDF. */
import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { LabelsPrint } from "./print/LabelsPrint";

export default async function extension() {
  const orderIds = shopify.data.selected.map((order) => order.id);
  render(<LabelsPrint orderIds={orderIds} />, document.body);
}
