import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { useFetcher, useLoaderData, useNavigate } from "@remix-run/react";
import { useEffect, useRef } from "react";
import {
  Badge,
  Banner,
  BlockStack,
  Button,
  Card,
  Checkbox,
  IndexTable,
  InlineStack,
  Layout,
  Page,
  Text,
  useIndexResourceState,
} from "@shopify/polaris";
import { formatEuro } from "~/components/format";
import { FrankButton } from "~/components/FrankButton";
import { createBatchBodySchema } from "~/franking/api-schemas";
import { startBatch } from "~/franking/start-batch.server";
import { PreviewResult } from "~/components/PreviewResult";
import { resolveLocale, translator } from "~/i18n";
import { translateDynamic } from "~/i18n/keys";
import type { PreviewJson } from "~/preview/json";
import { previewResponse } from "~/preview/api.server";
import { normaliseOrderId } from "~/preview/lines";
import { listOpenOrders } from "~/preview/open-orders.server";
import { authenticate } from "~/shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin } = await authenticate.admin(request);
  const params = new URL(request.url).searchParams;
  const all = params.get("all") === "1";
  // ?ids=1,2 (a stopped batch's remaining orders): selected and previewed at once.
  const preselected = params
    .getAll("ids")
    .flatMap((v) => v.split(","))
    .flatMap((id) => normaliseOrderId(id) ?? []);
  return { orders: await listOpenOrders(admin, { all }), all, preselected, locale: resolveLocale(request) };
};

/**
 * The page posts the selected ids as form data. intent=preview answers the same JSON the API route
 * gives; intent=frank starts the batch of the frankable ids and opens its page.
 */
export const action = async ({ request }: ActionFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const form = await request.formData();
  const orderIds = form.getAll("orderIds").filter((v): v is string => typeof v === "string");
  if (form.get("intent") !== "frank") return previewResponse(admin, session.shop, { orderIds });
  const body = createBatchBodySchema.safeParse({
    orderIds,
    startPosition: Number(form.get("startPosition") ?? 1),
    labelFormat: form.get("labelFormat") === "PNG" ? "PNG" : "PDF",
    expectedTotalCents: form.has("expectedTotalCents") ? Number(form.get("expectedTotalCents")) : undefined,
  });
  if (!body.success) return { error: "invalid_request" };
  const started = await startBatch(admin, session.shop, body.data);
  if (!started.ok) return { error: started.problem, ...started.priceDifference };
  throw redirect(`/app/batches/${encodeURIComponent(started.batchId)}`);
};

type ActionAnswer = PreviewJson | { error: string };

const shorten = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export default function PreviewPage() {
  const { orders, all, preselected, locale } = useLoaderData<typeof loader>();
  const t = translator(locale);
  const navigate = useNavigate();
  const fetcher = useFetcher<ActionAnswer>();
  const { selectedResources, allResourcesSelected, handleSelectionChange } = useIndexResourceState(orders, {
    selectedResources: preselected.filter((id) => orders.some((o) => o.id === id)),
  });
  const busy = fetcher.state !== "idle";
  const answer = fetcher.data;

  function run(ids: readonly string[] = selectedResources) {
    const form = new FormData();
    for (const id of ids) form.append("orderIds", id);
    form.append("intent", "preview");
    fetcher.submit(form, { method: "post" });
  }

  const autoRun = useRef(false);
  useEffect(() => {
    if (autoRun.current || preselected.length === 0) return;
    autoRun.current = true;
    run(preselected);
    // Once, on arrival from a stopped batch.
  }, []);

  const rows = orders.map((order, index) => (
    <IndexTable.Row
      id={order.id}
      key={order.id}
      position={index}
      selected={selectedResources.includes(order.id)}
    >
      <IndexTable.Cell>
        <Text as="span" variant="bodyMd" fontWeight="semibold">
          {order.name}
        </Text>
      </IndexTable.Cell>
      <IndexTable.Cell>{shorten(order.recipient ?? "–", 36)}</IndexTable.Cell>
      <IndexTable.Cell>{order.destination ?? t("order.noAddress")}</IndexTable.Cell>
      <IndexTable.Cell>{order.shippingMethod ?? "–"}</IndexTable.Cell>
      <IndexTable.Cell>
        {order.currencyCode === "EUR"
          ? formatEuro(order.totalCents, locale)
          : `${order.totalCents / 100} ${order.currencyCode}`}
      </IndexTable.Cell>
      <IndexTable.Cell>
        <Badge
          tone={order.status === "open" ? "info" : order.status === "partial" ? "attention" : "critical"}
        >
          {translateDynamic(locale, `preview.status.${order.status}`)}
        </Badge>
      </IndexTable.Cell>
    </IndexTable.Row>
  ));

  return (
    <Page title={t("preview.title")}>
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <Card>
              <BlockStack gap="300">
                <Text as="p">{t("preview.intro")}</Text>
                <Checkbox
                  label={t("preview.showAll")}
                  checked={all}
                  onChange={(checked) => navigate(checked ? "?all=1" : ".")}
                />
                <IndexTable
                  resourceName={{ singular: t("preview.order"), plural: t("preview.orders") }}
                  itemCount={orders.length}
                  selectedItemsCount={allResourcesSelected ? "All" : selectedResources.length}
                  onSelectionChange={handleSelectionChange}
                  headings={[
                    { title: t("preview.order") },
                    { title: t("preview.recipient") },
                    { title: t("preview.destination") },
                    { title: t("preview.shippingMethod") },
                    { title: t("preview.orderTotal") },
                    { title: "" },
                  ]}
                  emptyState={<Text as="p">{t("preview.noOrders")}</Text>}
                >
                  {rows}
                </IndexTable>
                <InlineStack gap="300" blockAlign="center">
                  <Button
                    variant="primary"
                    onClick={() => run()}
                    loading={busy}
                    disabled={selectedResources.length === 0}
                  >
                    {t("preview.run")}
                  </Button>
                  <Text as="span" tone="subdued">
                    {t("preview.selected", { count: selectedResources.length })}
                  </Text>
                </InlineStack>
              </BlockStack>
            </Card>
            {answer && "error" in answer ? (
              <Banner tone="critical">{t("preview.failed", { message: answer.error })}</Banner>
            ) : null}
            {answer && "lines" in answer ? <PreviewResult preview={answer} locale={locale} /> : null}
            {answer && "lines" in answer ? <FrankButton preview={answer} locale={locale} /> : null}
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
