/**
 * "Frankierung stornieren" for a bulk selection of a batch's franked orders: checkboxes, one button,
 * posted to /app/undo (which shows what happened to each order).
 */
import { Form } from "@remix-run/react";
import { BlockStack, Button, Card, Checkbox, InlineStack, Text } from "@shopify/polaris";
import { useState } from "react";
import type { MessageKey } from "~/i18n";
import { pluralKey } from "./words";

interface Props {
  orders: Array<{ orderId: string; orderName: string }>;
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
}

export function UndoSelection({ orders, t }: Props) {
  const [chosen, setChosen] = useState<string[]>([]);
  const toggle = (orderId: string, on: boolean) =>
    setChosen(on ? [...chosen, orderId] : chosen.filter((id) => id !== orderId));
  return (
    <Card>
      <Form method="post" action="/app/undo">
        <BlockStack gap="300">
          <Text as="h2" variant="headingMd">
            {t("undo.title")}
          </Text>
          {orders.length === 0 ? <Text as="p">{t("undo.none")}</Text> : null}
          <InlineStack gap="300" wrap>
            {orders.map((o) => (
              <Checkbox
                key={o.orderId}
                label={o.orderName}
                checked={chosen.includes(o.orderId)}
                onChange={(on) => toggle(o.orderId, on)}
              />
            ))}
          </InlineStack>
          {chosen.map((id) => (
            <input key={id} type="hidden" name="orderId" value={id} />
          ))}
          <input type="hidden" name="intent" value="undo" />
          <Text as="p" tone="subdued">
            {t("undo.confirm")}
          </Text>
          <InlineStack>
            <Button submit tone="critical" disabled={chosen.length === 0}>
              {t(pluralKey("undo.selected", chosen.length), { count: chosen.length })}
            </Button>
          </InlineStack>
        </BlockStack>
      </Form>
    </Card>
  );
}
