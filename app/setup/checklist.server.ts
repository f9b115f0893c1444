/**
 * The set-up checklist on the overview: each check says whether it is done and where to do it. A new
 * check is one more entry in `SETUP_CHECKS` and a `setup.check.<id>` message.
 */
import type { Db } from "~/db.server";
import { loadSettings } from "~/settings/settings.server";
import type { ShopSettings } from "~/settings/schema";
import { TERMS_PAGE_PATH } from "~/terms/internetmarke-terms";
import { termsAccepted } from "~/terms/terms.server";

export interface SetupContext {
  db: Db;
  shopId: string;
  settings: ShopSettings;
}

export interface SetupCheckDefinition {
  id: string;
  /** The page where the merchant does it. */
  href: string;
  done(context: SetupContext): Promise<boolean>;
}

export interface SetupCheck {
  id: string;
  href: string;
  done: boolean;
}

export const SETUP_CHECKS: SetupCheckDefinition[] = [
  {
    id: "portokasse",
    href: "/app/settings/portokasse",
    done: async ({ db, shopId }) => {
      const account = await db.portokasseAccount.findUnique({
        where: { shopId },
        select: { lastProblem: true },
      });
      return account !== null && (account.lastProblem === null || account.lastProblem === "zero-balance");
    },
  },
  { id: "sender", href: "/app/settings/sender", done: async ({ settings }) => settings.sender !== null },
  {
    id: "stampFormat",
    href: "/app/settings/stamp",
    done: async ({ settings }) => settings.pageFormatId !== null,
  },
  // Deutsche Post's INTERNETMARKE terms, accepted before the first purchase (app/terms).
  { id: "terms", href: TERMS_PAGE_PATH, done: async ({ db, shopId }) => termsAccepted(db, shopId) },
];

export async function setupChecklist(
  db: Db,
  shopId: string,
  checks: readonly SetupCheckDefinition[] = SETUP_CHECKS,
): Promise<SetupCheck[]> {
  const context = { db, shopId, settings: await loadSettings(db, shopId) };
  return Promise.all(checks.map(async (c) => ({ id: c.id, href: c.href, done: await c.done(context) })));
}
