import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, Checkbox, DataTable, Layout, Page, Text } from "@shopify/polaris";
import { useState } from "react";
import { formatDateTime } from "~/components/format";
import { db } from "~/db.server";
import { resolveLocale, translator, type MessageKey } from "~/i18n";
import { kickRefundWorkers } from "~/refunds/worker.server";
import { authenticate } from "~/shopify.server";
import { shopFor } from "~/shops.server";
import { undoFranking } from "~/undo/undo.server";
import { loadUndos, saveRefundOnShopifyCancel } from "~/undo/view.server";
import { isSuccess, outcomeWords, pluralKey } from "~/undo/words";

/**
 * "Frankierung stornieren": orders whose fulfillment was cancelled in Shopify (the refund offered), what
 * was undone, and the setting to refund at once. The batch page posts its bulk selection here too
 * (intent=undo, orderId repeated).
 */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const shop = await shopFor(db(), session.shop);
  return { locale: resolveLocale(request), ...(await loadUndos(db(), shop.id)) };
};

const ORDER_GID = /^gid:\/\/shopify\/Order\/\d+$/;

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session, admin } = await authenticate.admin(request);
  const shop = await shopFor(db(), session.shop);
  const form = await request.formData();
  const t = translator(resolveLocale(request));
  if (form.get("intent") === "setting") {
    await saveRefundOnShopifyCancel(db(), shop.id, form.get("refundOnShopifyCancel") === "on");
    return { saved: true, messages: [] };
  }
  const orderIds = form
    .getAll("orderId")
    .map(String)
    .filter((id) => ORDER_GID.test(id))
    .slice(0, 250);
  if (orderIds.length === 0) return { saved: false, messages: [] };
  const outcomes = await undoFranking({ db: db(), admin }, shop.id, orderIds);
  kickRefundWorkers();
  return {
    saved: false,
    messages: outcomes.map((o) => {
      const words = outcomeWords(o);
      return { ok: isSuccess(o), text: t(words.key, words.params) };
    }),
  };
};

export default function UndoPage() {
  const { locale, offered, recent, refundOnShopifyCancel } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = translator(locale);
  const [automatic, setAutomatic] = useState(refundOnShopifyCancel);
  const stateKey = (state: string): MessageKey =>
    state === "OFFERED" ? "undo.state.OFFERED" : state === "FILED" ? "undo.state.FILED" : "undo.state.DONE";
  return (
    <Page title={t("undo.title")}>
      <Layout>
        <Layout.Section>
          <BlockStack gap="300">
            <Text as="p">{t("undo.intro")}</Text>
            <Text as="p" tone="subdued">
              {t("undo.howKnown")}
            </Text>
            {(result?.messages ?? []).map((m, i) => (
              <Banner key={i} tone={m.ok ? "success" : "critical"}>
                {m.text}
              </Banner>
            ))}
          </BlockStack>
        </Layout.Section>
        {offered.length > 0 ? (
          <Layout.Section>
            <Card>
              <Form method="post">
                <BlockStack gap="300">
                  <Text as="h2" variant="headingMd">
                    {t("undo.offered.title")}
                  </Text>
                  <Text as="p">
                    {t(pluralKey("undo.offered.body", offered.length), { count: offered.length })}
                  </Text>
                  {offered.map((o) => (
                    <input key={o.orderId} type="hidden" name="orderId" value={o.orderId} />
                  ))}
                  <Text as="p">{offered.map((o) => o.orderName).join(", ")}</Text>
                  <Text as="p" tone="caution">
                    {t("undo.confirm")}
                  </Text>
                  <input type="hidden" name="intent" value="undo" />
                  <Button submit variant="primary" tone="critical">
                    {t(pluralKey("undo.selected", offered.length), { count: offered.length })}
                  </Button>
                </BlockStack>
              </Form>
            </Card>
          </Layout.Section>
        ) : null}
        <Layout.Section>
          <Card>
            <Form method="post">
              <BlockStack gap="200">
                <input type="hidden" name="intent" value="setting" />
                <Checkbox
                  label={t("undo.setting.label")}
                  helpText={t("undo.setting.help")}
                  name="refundOnShopifyCancel"
                  checked={automatic}
                  onChange={setAutomatic}
                />
                {automatic ? <input type="hidden" name="refundOnShopifyCancel" value="on" /> : null}
                {result?.saved ? <Text as="p">{t("undo.setting.saved")}</Text> : null}
                <Button submit>{t("bookkeeping.datev.save")}</Button>
              </BlockStack>
            </Form>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <Card padding="0">
            <DataTable
              columnContentTypes={["text", "text", "text"]}
              headings={[t("undo.col.order"), t("undo.col.state"), t("undo.col.when")]}
              rows={recent.map((r) => [
                r.orderName,
                t(stateKey(r.state)),
                formatDateTime(r.createdAt, locale),
              ])}
            />
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
