import { useNavigate } from "@remix-run/react";
import { Banner, Box } from "@shopify/polaris";
import { formatDateTime } from "~/components/format";
import { type Locale, translator } from "~/i18n";
import type { BatchNotice } from "./notice.server";

/** The running or stopped batch, above every page of the app until its page has been seen. */
export function BatchNoticeBanner({ notice, locale }: { notice: BatchNotice; locale: Locale }) {
  const t = translator(locale);
  const navigate = useNavigate();
  const date = formatDateTime(notice.createdAt, locale);
  return (
    <Box padding="400" id="batch-notice">
      <Banner
        tone={notice.active ? "info" : "warning"}
        title={notice.active ? t("notice.running", { date }) : t("notice.stopped", { date })}
        action={{
          content: t("notice.open"),
          onAction: () => navigate(`/app/batches/${encodeURIComponent(notice.id)}`),
        }}
      />
    </Box>
  );
}
