import { Text } from "@shopify/polaris";
import type { Locale } from "~/i18n";
import { noticeText } from "~/i18n/mapping-text";
import type { MappingNotice } from "~/mapping";

const WARNINGS: ReadonlySet<MappingNotice["code"]> = new Set(["paid-service-missing", "service-substituted"]);

/** The notes on a chosen product (exact weight, packaging, customs form, substitutions), one line each. */
export function Notices({ notices, locale }: { notices: readonly MappingNotice[]; locale: Locale }) {
  return (
    <>
      {notices.map((notice) => (
        <span key={notice.code} data-notice={notice.code} style={{ whiteSpace: "normal" }}>
          <Text as="span" tone={WARNINGS.has(notice.code) ? "caution" : "subdued"}>
            {noticeText(notice, locale)}
          </Text>
        </span>
      ))}
    </>
  );
}
