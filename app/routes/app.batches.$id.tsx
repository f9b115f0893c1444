import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Button,
  Card,
  DataTable,
  Layout,
  Page,
  ProgressBar,
  Text,
} from "@shopify/polaris";
import { BatchDownloads } from "~/batches/downloads";
import { formatDateTime, formatEuro } from "~/batches/format";
import { batchPage } from "~/batches/pages.server";
import { batchStatusWord, orderStatusWord, shopifyStateWord } from "~/batches/status-words";
import { useLiveBatch } from "~/batches/use-live-batch";
import { markBatchSeen } from "~/batches/notice.server";
import { problemText } from "~/components/reason";
import { config } from "~/config.server";
import { db } from "~/db.server";
import { resolveLocale, translator } from "~/i18n";
import { authenticate } from "~/shopify.server";
import { shopFor } from "~/shops.server";
import { ReprintGuard } from "~/components/ReprintGuard";
import { confirmedReprintLinks } from "~/reprints/links.server";
import { printHistory } from "~/reprints/record.server";
import { UndoSelection } from "~/undo/UndoSelection";
import { undoStates } from "~/undo/view.server";
import { appDeps } from "~/app-deps.server";
import { translateDynamic } from "~/i18n/keys";
import { PriceChangeCard } from "~/components/PriceChangeCard";
import { TopUpCard } from "~/components/TopUpCard";
import { batchMoney, confirmBatchPrices, resumeStoppedBatch } from "~/topup/batch-page.server";
import { topUpAction } from "~/topup/page.server";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const locale = resolveLocale(request);
  const data = await batchPage(db(), {
    shop: session.shop,
    batchId: params.id ?? "",
    locale,
    apiSecret: config().SHOPIFY_API_SECRET,
    now: new Date(),
  });
  if (!data) throw new Response(translator(locale)("batch.notFound"), { status: 404 });
  // Issue 14: the reprint guard and "Frankierung stornieren" (app/reprints, app/undo).
  const shop = await shopFor(db(), session.shop);
  const now = new Date();
  const confirmed = confirmedReprintLinks(
    { shop: session.shop, apiSecret: config().SHOPIFY_API_SECRET, now },
    data.batch,
  );
  const prints = await printHistory(db(), session.shop, data.batch.id);
  const undo = await undoStates(db(), shop.id, data.batch.id);
  const money = await batchMoney(appDeps(), session.shop, params.id ?? "");
  if (!data.batch.active) await markBatchSeen(db(), session.shop, data.batch.id, new Date());
  return { ...data, money, locale, confirmed, prints, undo };
};

/** New prices confirmed, a top-up (after the merchant confirmed it), or the one-click resume after it. */
export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const form = await request.formData();
  const intent = String(form.get("_action"));
  const batchId = params.id ?? "";
  if (intent === "confirm-prices")
    return { intent, ok: await confirmBatchPrices(appDeps(), session.shop, batchId) };
  if (intent === "resume") {
    const resumed = await resumeStoppedBatch(appDeps(), admin, session.shop, batchId);
    if (resumed.ok) throw redirect(`/app/batches/${encodeURIComponent(resumed.batchId)}`);
    return { intent, ok: false, problem: resumed.problem };
  }
  const who = session.onlineAccessInfo?.associated_user.email ?? session.shop;
  return { intent: "top-up", ...(await topUpAction(appDeps(), session.shop, form, who)) };
};

/** The preview of the orders a stopped batch did not frank, selected and previewed again. */
const retryUrl = (orderIds: readonly string[]) =>
  `/app/preview?${new URLSearchParams(orderIds.map((id) => ["ids", id.split("/").pop() ?? id])).toString()}`;

export default function BatchPage() {
  const { batch, links, money, locale, confirmed, prints, undo } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const topUpAnswer = answer && "topUp" in answer ? answer : null;
  const t = translator(locale);
  const progress = useLiveBatch(batch);

  const status = batchStatusWord(batch.status, t);
  const euro = (cents: number | null) => (cents === null ? "–" : formatEuro(cents, locale));
  const rows = batch.lines.map((line) => {
    const orderStatus = orderStatusWord(line.status, t);
    const shopify = line.shopifyState ? shopifyStateWord(line.shopifyState, t) : null;
    const problem = [
      line.reason ? problemText(line.reason, locale) : null,
      line.error ? problemText(line.error, locale) : null,
      line.shopifyError
        ? t("batch.shopifyProblem", { problem: problemText(`fulfillment: ${line.shopifyError}`, locale) })
        : null,
    ]
      .filter(Boolean)
      .join(" · ");
    return [
      line.orderName,
      line.productName ?? "–",
      euro(line.priceCents),
      line.voucherId ?? "–",
      line.trackingNumber ?? "–",
      <BlockStack key="status" gap="100">
        <Badge tone={orderStatus.tone}>{orderStatus.label}</Badge>
        {problem ? (
          <Text as="span" tone="critical" variant="bodySm">
            {problem}
          </Text>
        ) : null}
      </BlockStack>,
      shopify ? <Badge tone={shopify.tone}>{shopify.label}</Badge> : "–",
      links.reprint[line.orderId] ? (
        <ReprintGuard
          key="reprint"
          href={links.reprint[line.orderId] ?? ""}
          confirmedHref={confirmed.orders[line.orderId] ?? ""}
          printed={prints.batchPrinted || prints.printedOrders.includes(line.orderId)}
          label={t("batch.reprint")}
          t={t}
        />
      ) : (
        ""
      ),
    ];
  });
  return (
    <Page
      backAction={{ content: t("batch.back"), url: "/app/batches" }}
      title={t("batch.title", { date: formatDateTime(batch.createdAt, locale) })}
      titleMetadata={<Badge tone={status.tone}>{status.label}</Badge>}
    >
      <Layout>
        {batch.active ? (
          <Layout.Section>
            <Card>
              <BlockStack gap="200">
                <Text as="p">{t("batch.running", { percent: progress })}</Text>
                <ProgressBar progress={progress} tone="primary" />
              </BlockStack>
            </Card>
          </Layout.Section>
        ) : null}
        {batch.stopReason ? (
          <Layout.Section>
            <Banner
              tone="warning"
              action={
                batch.remainingOrderIds.length > 0
                  ? { content: t("batch.retry"), url: retryUrl(batch.remainingOrderIds) }
                  : undefined
              }
            >
              {batch.status === "INSUFFICIENT_FUNDS" || batch.stopReason === "insufficient_balance"
                ? t("batch.stopped.funds", { missing: euro(batch.missingCents) })
                : t("batch.stopped.other", { reason: problemText(batch.error ?? batch.stopReason, locale) })}
            </Banner>
          </Layout.Section>
        ) : null}
        {money.priceChange ? (
          <Layout.Section>
            <PriceChangeCard change={money.priceChange} locale={locale} />
          </Layout.Section>
        ) : null}
        {money.topUp ? (
          <Layout.Section>
            <BlockStack gap="300">
              <TopUpCard
                locale={locale}
                username={money.topUp.username}
                missingCents={money.topUp.missingCents}
                result={topUpAnswer?.topUp ?? null}
                topUps={topUpAnswer?.topUps ?? money.topUp.topUps}
              />
              {money.topUp.resumable > 0 ? (
                <Form method="post">
                  <input type="hidden" name="_action" value="resume" />
                  <Button submit variant="primary">
                    {t("topup.resume")}
                  </Button>
                </Form>
              ) : null}
              {answer && "problem" in answer && answer.problem && !("topUp" in answer) ? (
                <Banner tone="critical">{translateDynamic(locale, `frank.problem.${answer.problem}`)}</Banner>
              ) : null}
            </BlockStack>
          </Layout.Section>
        ) : null}
        <Layout.Section>
          <Card>
            <BlockStack gap="200">
              <Text as="p">{t("batch.summary.orders", { ...batch.counts })}</Text>
              <Text as="p">
                {t("batch.summary.cost", {
                  spent: euro(batch.spentCents),
                  planned: euro(batch.plannedCents),
                })}
              </Text>
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <BatchDownloads
            links={links}
            labelFormat={batch.labelFormat}
            t={t}
            reprint={{ printed: prints.batchPrinted, confirmed: confirmed.labels }}
          />
        </Layout.Section>
        <Layout.Section>
          <UndoSelection
            orders={batch.lines
              .filter((l) => l.voucherId !== null && undo[l.orderId] !== "DONE")
              .map((l) => ({ orderId: l.orderId, orderName: l.orderName }))}
            t={t}
          />
        </Layout.Section>
        <Layout.Section>
          <Card padding="0">
            <DataTable
              columnContentTypes={["text", "text", "numeric", "text", "text", "text", "text", "text"]}
              headings={[
                t("batch.col.order"),
                t("batch.col.product"),
                t("batch.col.price"),
                t("batch.col.voucher"),
                t("batch.col.tracking"),
                t("batch.col.status"),
                t("batch.col.shopify"),
                "",
              ]}
              rows={rows}
            />
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
