/** The Portokasse settings page: connect, test, disconnect; loader data without any password. */
import type { PageDeps } from "~/settings/pages.server";
import { portokasseJson } from "~/settings/pages.server";
import { shopFor } from "~/shops.server";
import { connectPortokasse, disconnectPortokasse, loadPortokasse, testPortokasse } from "./connection.server";
import { recentTopUps } from "~/topup/page.server";
import type { PortokasseProblem } from "./diagnostics";

export async function loadPortokassePage(deps: PageDeps, shopDomain: string) {
  const shop = await shopFor(deps.db, shopDomain);
  return {
    portokasse: portokasseJson(await loadPortokasse(deps.db, shop.id)),
    topUps: await recentTopUps(deps, shop.id),
  };
}

export type PortokasseActionResult = {
  action: "connect" | "test" | "disconnect";
  ok: boolean;
  problem: PortokasseProblem | null;
  portokasse: ReturnType<typeof portokasseJson>;
};

export async function portokasseAction(
  deps: PageDeps,
  shopDomain: string,
  form: FormData,
): Promise<PortokasseActionResult> {
  const shop = await shopFor(deps.db, shopDomain);
  const action = form.get("_action");
  if (action === "disconnect") {
    await disconnectPortokasse(deps.db, shop.id);
    return { action, ok: true, problem: null, portokasse: null };
  }
  const common = { shopId: shop.id, encryptionKey: deps.encryptionKey, now: deps.now };
  const result =
    action === "test"
      ? await testPortokasse(deps.db, deps.im, common)
      : await connectPortokasse(deps.db, deps.im, {
          ...common,
          username: String(form.get("username") ?? ""),
          password: String(form.get("password") ?? ""),
        });
  return {
    action: action === "test" ? "test" : "connect",
    ok: result.ok,
    problem: result.ok ? null : result.problem,
    portokasse: portokasseJson(result.view),
  };
}
