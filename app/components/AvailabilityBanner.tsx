import { Banner, Box } from "@shopify/polaris";
import { type Locale, translator } from "~/i18n";
import { formatDateTime } from "./format";

/** "Deutsche Post nicht erreichbar – Kauf pausiert" with the time of the last health check, while it is down. */
export function AvailabilityBanner({
  status,
  locale,
}: {
  status: { up: boolean; checkedAt: string } | null;
  locale: Locale;
}) {
  if (!status || status.up) return null;
  const t = translator(locale);
  return (
    <Box padding="400">
      <Banner tone="warning" title={t("availability.down")}>
        <p id="deutsche-post-down">
          {t("availability.down.detail", { date: formatDateTime(status.checkedAt, locale) })}
        </p>
      </Banner>
    </Box>
  );
}
