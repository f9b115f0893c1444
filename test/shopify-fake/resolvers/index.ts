import { defineType, definePlainTypes, type TypeDefinition } from "../graphql/registry";
import { fulfillmentTypes } from "./fulfillment";
import { metafieldType } from "./metafield";
import { fulfillmentCancel } from "./mutations/fulfillment-cancel";
import { fulfillmentCreate } from "./mutations/fulfillment-create";
import { metafieldsSet } from "./mutations/metafields-set";
import { orderCancel } from "./mutations/order-cancel";
import { tagsAdd, tagsRemove } from "./mutations/tags";
import { orderType } from "./order";
import { orderPartTypes } from "./order-parts";
import { queryRootTypes } from "./query-root";
import { shopTypes } from "./shop";

const mutationType = defineType<unknown>("Mutation", {
  fulfillmentCreate,
  fulfillmentCancel,
  tagsAdd,
  tagsRemove,
  metafieldsSet,
  orderCancel,
});

/** Every type the fake answers for. Anything else in the schema is an error naming the field. */
export const FAKE_TYPES: TypeDefinition[] = [
  ...queryRootTypes,
  mutationType,
  orderType,
  ...orderPartTypes,
  ...fulfillmentTypes,
  ...shopTypes,
  metafieldType,
  ...definePlainTypes([
    "MoneyBag",
    "MoneyV2",
    "Count",
    "ShopPlan",
    "AccessScope",
    "Domain",
    "FulfillmentTrackingInfo",
    "FulfillmentOrderSupportedAction",
    "LocationAddress",
    "OrderCancelJobResult",
  ]),
];
