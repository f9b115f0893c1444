/**
 * A print link that reminds before every reprint: the first click on labels printed before shows the
 * reminder that a stamp may be posted only once; "Print again" opens the confirmed link (recorded as an
 * acknowledged reprint). After printing, the next click reminds again.
 */
import { Banner, BlockStack, Button, InlineStack } from "@shopify/polaris";
import { useState } from "react";
import type { MessageKey } from "~/i18n";

interface Props {
  href: string;
  /** The same link with `reprint=confirmed`, signed. */
  confirmedHref: string;
  printed: boolean;
  label: string;
  primary?: boolean;
  t: (key: MessageKey) => string;
}

export function ReprintGuard({ href, confirmedHref, printed, label, primary, t }: Props) {
  const [printedNow, setPrinted] = useState(printed);
  const [asking, setAsking] = useState(false);
  if (asking) {
    return (
      <Banner tone="warning" title={t("reprint.reminder.title")} onDismiss={() => setAsking(false)}>
        <BlockStack gap="200">
          <p>{t("reprint.reminder.body")}</p>
          <InlineStack gap="200">
            <Button url={confirmedHref} target="_blank" onClick={() => setAsking(false)}>
              {t("reprint.again")}
            </Button>
            <Button variant="plain" onClick={() => setAsking(false)}>
              {t("reprint.cancel")}
            </Button>
          </InlineStack>
        </BlockStack>
      </Banner>
    );
  }
  if (printedNow) {
    return (
      <Button variant={primary ? "primary" : "plain"} onClick={() => setAsking(true)}>
        {label}
      </Button>
    );
  }
  return (
    <Button
      variant={primary ? "primary" : "plain"}
      url={href}
      target="_blank"
      onClick={() => setPrinted(true)}
    >
      {label}
    </Button>
  );
}
