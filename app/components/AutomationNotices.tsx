import { useFetcher } from "@remix-run/react";
import { Banner, BlockStack } from "@shopify/polaris";
import type { AutomationNotice } from "~/automation/notices.server";
import { formatDateTime, formatEuro } from "~/components/format";
import { translator, type Locale } from "~/i18n";
import { translateDynamic } from "~/i18n/keys";

/** A run's stop reason in the merchant's words (a code from the run or the batch service). */
export function runReason(reason: string | null, locale: Locale): string {
  return translateDynamic(
    locale,
    `automation.reason.${reason ?? "other"}`,
    {},
    translator(locale)("automation.reason.other"),
  );
}

/** The in-app notices of automatic runs (overview and batches page), each dismissible. */
export function AutomationNotices(props: { notices: AutomationNotice[]; locale: Locale }) {
  const { locale } = props;
  const t = translator(locale);
  const fetcher = useFetcher();
  const dismissed = fetcher.formData?.get("runId");
  const shown = props.notices.filter((n) => n.runId !== dismissed);
  if (shown.length === 0) return null;
  const dismiss = (runId: string) =>
    fetcher.submit({ intent: "dismiss", runId }, { method: "post", action: "/app/settings/automation" });
  return (
    <BlockStack gap="200">
      {shown.map((n) => {
        const time = formatDateTime(n.finishedAt, locale);
        const text =
          n.status === "DONE"
            ? t(n.orderCount === 1 ? "automation.notice.done.one" : "automation.notice.done.other", {
                time,
                count: n.orderCount,
                amount: formatEuro(n.estimateCents, locale),
              })
            : t(n.status === "STOPPED" ? "automation.notice.stopped" : "automation.notice.failed", {
                time,
                reason: runReason(n.reason, locale),
              });
        return (
          <Banner
            key={n.runId}
            title={t("automation.notice.title")}
            tone={n.status === "DONE" ? "success" : n.status === "STOPPED" ? "warning" : "critical"}
            action={
              n.batchId
                ? { content: t("automation.notice.open"), url: `/app/batches/${n.batchId}` }
                : undefined
            }
            secondaryAction={{ content: t("automation.notice.dismiss"), onAction: () => dismiss(n.runId) }}
          >
            <p>{text}</p>
          </Banner>
        );
      })}
    </BlockStack>
  );
}
