import { AppError } from "../api";
import { t } from "../i18n";
import { refusalText } from "../messages";

interface Props {
  error: unknown;
  onRetry?: () => void;
}

/**
 * What went wrong talking to the app, in the merchant's words: for a refusal the app's message or the
 * words for its error code (with what else it said below), otherwise the technical detail below.
 */
export function AppErrorBanner({ error, onRetry }: Props) {
  const appError = error instanceof AppError ? error : null;
  const kind = appError?.kind ?? "unexpected";
  const body =
    appError !== null && kind === "refused"
      ? refusalText(appError)
      : t(kind === "network" ? "errors.network.body" : "errors.unexpected.body");
  const details =
    appError === null
      ? [String(error)]
      : kind === "refused"
        ? appError.details
        : [`${appError.route}: ${appError.message}`];
  return (
    <s-banner tone="critical" heading={t(`errors.${kind}.heading` as const)}>
      <s-stack direction="block" gap="small">
        <s-paragraph>{body}</s-paragraph>
        {appError?.fixUrl ? (
          // `app:` opens a page of this app inside the admin (shopify.dev, Navigation API).
          <s-link href={`app:${appError.fixUrl.replace(/^\//, "")}`}>{t("errors.fix.terms")}</s-link>
        ) : null}
        {details.map((line) => (
          <s-text key={line} color="subdued">
            {line}
          </s-text>
        ))}
      </s-stack>
      {onRetry ? (
        <s-button slot="secondary-actions" onClick={onRetry}>
          {t("common.retry")}
        </s-button>
      ) : null}
    </s-banner>
  );
}
