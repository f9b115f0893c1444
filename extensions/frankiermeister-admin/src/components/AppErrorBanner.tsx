import { AppError } from "../api";
import { t } from "../i18n";

interface Props {
  error: unknown;
  onRetry?: () => void;
}

/** What went wrong talking to the app, in the merchant's words, with the technical detail below. */
export function AppErrorBanner({ error, onRetry }: Props) {
  const kind = error instanceof AppError ? error.kind : "unexpected";
  const detail = error instanceof AppError ? `${error.route}: ${error.message}` : String(error);
  return (
    <s-banner tone="critical" heading={t(`errors.${kind}.heading` as const)}>
      <s-stack direction="block" gap="small">
        <s-paragraph>
          {error instanceof AppError && kind === "refused"
            ? error.message
            : t(`errors.${kind}.body` as const)}
        </s-paragraph>
        {kind === "refused" ? null : <s-text color="subdued">{detail}</s-text>}
      </s-stack>
      {onRetry ? (
        <s-button slot="secondary-actions" onClick={onRetry}>
          {t("common.retry")}
        </s-button>
      ) : null}
    </s-banner>
  );
}
