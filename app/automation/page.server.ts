/** The Settings → Automatik page: what it shows and what its buttons do, for the authenticated shop. */
import { productCatalogForUse } from "~/catalog/products.server";
import type { PageDeps } from "~/settings/pages.server";
import { shopFor } from "~/shops.server";
import type { FieldError } from "~/settings/errors";
import { parseAutomationForm } from "./form";
import { dismissNotice, recentRuns } from "./notices.server";
import type { AutomationDeps } from "./run.server";
import { runNow } from "./scheduler.server";
import { loadAutomation, saveAutomation, setPaused } from "./settings.server";

export async function loadAutomationPage(deps: PageDeps, shopDomain: string) {
  const shop = await shopFor(deps.db, shopDomain);
  const state = await loadAutomation(deps.db, shop.id);
  const prices = await productCatalogForUse(deps.db, deps.im, deps.now);
  return {
    config: state.config,
    paused: state.paused,
    products: prices.products
      .filter((p) => p.destination !== "unknown")
      .map((p) => ({ code: p.productCode, name: p.name })),
    runs: await recentRuns(deps.db, shop.id),
  };
}

export type AutomationAction =
  | { intent: "save"; ok: true }
  | { intent: "save"; ok: false; errors: FieldError[] }
  | { intent: "pause" | "resume" | "dismiss"; ok: true }
  | { intent: "run"; ok: boolean; message: string; status?: string; reason?: string | null };

export async function automationPageAction(
  deps: PageDeps,
  automation: () => AutomationDeps,
  shopDomain: string,
  form: FormData,
): Promise<AutomationAction> {
  const shop = await shopFor(deps.db, shopDomain);
  const intent = form.get("intent");
  if (intent === "pause" || intent === "resume") {
    await setPaused(deps.db, shop.id, intent === "pause", deps.now);
    return { intent, ok: true };
  }
  if (intent === "dismiss") {
    await dismissNotice(deps.db, shop.id, String(form.get("runId") ?? ""), deps.now);
    return { intent, ok: true };
  }
  if (intent === "run") {
    const result = await runNow(automation(), { id: shop.id, domain: shop.domain });
    if (!result.ok) return { intent, ok: false, message: `automation.runNow.${result.problem}` };
    return {
      intent,
      ok: true,
      message: "automation.runNow.done",
      status: result.outcome.status,
      reason: result.outcome.reason ?? null,
    };
  }
  const parsed = parseAutomationForm(form);
  if (!parsed.ok) return { intent: "save", ok: false, errors: parsed.errors };
  await saveAutomation(deps.db, shop.id, parsed.config, deps.now);
  return { intent: "save", ok: true };
}
