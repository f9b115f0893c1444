import { type HeadersFunction, json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, Outlet, useLoaderData, useLocation, useRouteError } from "@remix-run/react";
import { NavMenu } from "@shopify/app-bridge-react";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import { boundary } from "@shopify/shopify-app-remix/server";
import { AppProvider } from "@shopify/shopify-app-remix/react";
import { localeCookie, resolveLocale, translator } from "~/i18n";
import { polarisTranslations } from "~/i18n/polaris";
import { BatchNoticeBanner } from "~/batches/BatchNoticeBanner";
import { batchNotice } from "~/batches/notice.server";
import { config } from "~/config.server";
import { db } from "~/db.server";
import { authenticate } from "~/shopify.server";
import { loadDeutschePostStatus } from "~/availability/health.server";
import { AvailabilityBanner } from "~/components/AvailabilityBanner";

export const links = () => [{ rel: "stylesheet", href: polarisStyles }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const settings = config();
  const notice = await batchNotice(db(), session.shop);
  const cookie = localeCookie(request);
  const deutschePost = await loadDeutschePostStatus(db());
  return json(
    {
      apiKey: settings.SHOPIFY_API_KEY,
      locale: resolveLocale(request),
      // Local mode: App Bridge comes from the local admin host instead of Shopify's CDN.
      appBridgeUrl: settings.APP_BRIDGE_URL ?? null,
      // The workers' last health check of Deutsche Post: a banner while buying is paused.
      deutschePost: deutschePost
        ? { up: deutschePost.up, checkedAt: deutschePost.checkedAt.toISOString() }
        : null,
      notice,
    },
    cookie ? { headers: { "Set-Cookie": cookie } } : undefined,
  );
};

/**
 * Read the layout again on every navigation: Deutsche Post's availability (the banner) changes while the
 * merchant moves between pages, and Remix would otherwise keep the first answer.
 */
export const shouldRevalidate = () => true;

export default function AppLayout() {
  const { apiKey, locale, appBridgeUrl, deutschePost, notice } = useLoaderData<typeof loader>();
  const t = translator(locale);
  const location = useLocation();
  return (
    <AppProvider
      isEmbeddedApp
      apiKey={apiKey}
      i18n={polarisTranslations(locale)}
      {...(appBridgeUrl ? { __APP_BRIDGE_URL: appBridgeUrl } : {})}
    >
      <NavMenu>
        <Link to="/app" rel="home">
          {t("nav.home")}
        </Link>
        <Link to="/app/preview">{t("nav.preview")}</Link>
        <Link to="/app/batches">{t("nav.batches")}</Link>
        <Link to="/app/settings">{t("nav.settings")}</Link>
        <Link to="/app/refunds">{t("nav.refunds")}</Link>
        <Link to="/app/undo">{t("nav.undo")}</Link>
        <Link to="/app/bookkeeping">{t("nav.bookkeeping")}</Link>
      </NavMenu>
      <AvailabilityBanner status={deutschePost} locale={locale} />
      {notice && !location.pathname.startsWith(`/app/batches/${notice.id}`) ? (
        <BatchNoticeBanner notice={notice} locale={locale} />
      ) : null}
      <Outlet />
    </AppProvider>
  );
}

// Shopify needs Remix to catch some thrown responses so that their headers reach the browser.
export function ErrorBoundary() {
  return boundary.error(useRouteError());
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
