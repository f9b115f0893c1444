/**
 * A shop's link to its Deutsche Post Portokasse: connect, test, disconnect, and the logged-in client for
 * other services. The password is stored only as AES-256-GCM ciphertext bound to the shop id (AAD); it is
 * never returned by anything here, never put in an error and never logged.
 */
import { decryptSecret, DecryptionError, encryptSecret } from "~/crypto.server";
import type { Db } from "~/db.server";
import type { InternetmarkeClient, Portokasse } from "~/internetmarke";
import { refreshPortokasseCatalog } from "~/catalog/portokasse-catalog.server";
import {
  BLOCKING_PROBLEMS,
  checkCredentials,
  diagnose,
  isPortokasseProblem,
  type PortokasseProblem,
} from "./diagnostics";

/** What pages may see of the link: never the password or its ciphertext. */
export interface PortokasseView {
  username: string;
  balanceCents: number | null;
  balanceCheckedAt: Date | null;
  lastCheckedAt: Date | null;
  problem: PortokasseProblem | null;
}

export type ConnectResult =
  { ok: true; view: PortokasseView } | { ok: false; problem: PortokasseProblem; view: PortokasseView | null };

const VIEW = {
  username: true,
  balanceCents: true,
  balanceCheckedAt: true,
  lastCheckedAt: true,
  lastProblem: true,
} as const;

type ViewRow = {
  username: string;
  balanceCents: number | null;
  balanceCheckedAt: Date | null;
  lastCheckedAt: Date | null;
  lastProblem: string | null;
};

function toView(row: ViewRow): PortokasseView {
  return {
    username: row.username,
    balanceCents: row.balanceCents,
    balanceCheckedAt: row.balanceCheckedAt,
    lastCheckedAt: row.lastCheckedAt,
    problem: isPortokasseProblem(row.lastProblem) ? row.lastProblem : null,
  };
}

export async function loadPortokasse(db: Db, shopId: string): Promise<PortokasseView | null> {
  const row = await db.portokasseAccount.findUnique({ where: { shopId }, select: VIEW });
  return row ? toView(row) : null;
}

export interface ConnectInput {
  shopId: string;
  username: string;
  password: string;
  encryptionKey: string;
  now: Date;
}

/**
 * Logs in with the given credentials (the merchant pressed "connect") and stores them when Deutsche Post
 * accepted them: on success, and when only the app's approval is missing (the password was right, so a
 * "test login" after approving works without typing it again). Refused credentials are never stored.
 */
export async function connectPortokasse(
  db: Db,
  im: InternetmarkeClient,
  input: ConnectInput,
): Promise<ConnectResult> {
  const username = input.username.trim();
  const local = checkCredentials(username, input.password);
  if (local) return { ok: false, problem: local, view: await loadPortokasse(db, input.shopId) };

  const kasse = im.portokasse({ username, password: input.password });
  let balanceCents: number | null = null;
  let problem: PortokasseProblem | null = null;
  try {
    balanceCents = (await kasse.login()).walletBalanceCents;
    if (balanceCents === 0) problem = "zero-balance";
  } catch (error) {
    problem = diagnose(error);
    if (problem !== "app-not-approved")
      return { ok: false, problem, view: await loadPortokasse(db, input.shopId) };
  }

  const data = {
    username,
    passwordCiphertext: encryptSecret(input.password, input.encryptionKey, input.shopId),
    balanceCents,
    balanceCheckedAt: balanceCents === null ? null : input.now,
    lastCheckedAt: input.now,
    lastProblem: problem,
  };
  const row = await db.portokasseAccount.upsert({
    where: { shopId: input.shopId },
    create: { shopId: input.shopId, ...data },
    update: data,
    select: VIEW,
  });
  if (problem === null || problem === "zero-balance") {
    await refreshPortokasseCatalog(db, input.shopId, kasse, input.now);
  }
  const view = toView(row);
  return problem === null ? { ok: true, view } : { ok: false, problem, view };
}

interface StoredCredentials {
  username: string;
  password: string;
}

async function storedCredentials(
  db: Db,
  shopId: string,
  encryptionKey: string,
): Promise<StoredCredentials | null> {
  const row = await db.portokasseAccount.findUnique({
    where: { shopId },
    select: { username: true, passwordCiphertext: true },
  });
  if (!row) return null;
  try {
    return { username: row.username, password: decryptSecret(row.passwordCiphertext, encryptionKey, shopId) };
  } catch (error) {
    // A changed ENCRYPTION_KEY: the stored password is unreadable, the merchant has to connect again.
    if (error instanceof DecryptionError) return null;
    throw error;
  }
}

/** "Test login": logs in again with the stored credentials (a deliberate action) and records the outcome. */
export async function testPortokasse(
  db: Db,
  im: InternetmarkeClient,
  input: { shopId: string; encryptionKey: string; now: Date; refreshCatalog?: boolean },
): Promise<ConnectResult> {
  const credentials = await storedCredentials(db, input.shopId, input.encryptionKey);
  if (!credentials) return { ok: false, problem: "missing-credentials", view: null };
  const kasse = im.portokasse(credentials);
  let update: {
    balanceCents?: number | null;
    balanceCheckedAt?: Date;
    lastProblem: PortokasseProblem | null;
  };
  try {
    const balanceCents = (await kasse.login()).walletBalanceCents;
    update = {
      balanceCents,
      balanceCheckedAt: input.now,
      lastProblem: balanceCents === 0 ? "zero-balance" : null,
    };
  } catch (error) {
    update = { lastProblem: diagnose(error) };
  }
  const row = await db.portokasseAccount.update({
    where: { shopId: input.shopId },
    data: { ...update, lastCheckedAt: input.now },
    select: VIEW,
  });
  const worked = update.lastProblem === null || update.lastProblem === "zero-balance";
  if (worked && input.refreshCatalog !== false)
    await refreshPortokasseCatalog(db, input.shopId, kasse, input.now);
  const view = toView(row);
  return view.problem === null ? { ok: true, view } : { ok: false, problem: view.problem, view };
}

/** Forgets the credentials and the shop's Portokasse catalog. */
export async function disconnectPortokasse(db: Db, shopId: string): Promise<void> {
  await db.$transaction([
    db.portokasseAccount.deleteMany({ where: { shopId } }),
    db.portokasseCatalog.deleteMany({ where: { shopId } }),
  ]);
}

/**
 * The shop's Portokasse for other services (catalog, preview, sample stamps), or null when none is linked
 * or the last login showed a problem that another automatic login would repeat (or count as a failure).
 */
export async function portokasseFor(
  db: Db,
  im: InternetmarkeClient,
  shopId: string,
  encryptionKey: string,
): Promise<{ kasse: Portokasse; view: PortokasseView } | null> {
  const view = await loadPortokasse(db, shopId);
  if (!view || (view.problem !== null && BLOCKING_PROBLEMS.has(view.problem))) return null;
  const credentials = await storedCredentials(db, shopId, encryptionKey);
  return credentials ? { kasse: im.portokasse(credentials), view } : null;
}

/**
 * The balance for a cost check: the stored one when it is younger than `maxAgeMs`, else a fresh login
 * (only when the last login worked, so a wrong password is never retried by itself).
 */
export async function currentBalance(
  db: Db,
  im: InternetmarkeClient,
  input: { shopId: string; encryptionKey: string; now: Date; maxAgeMs: number },
): Promise<PortokasseView | null> {
  const linked = await portokasseFor(db, im, input.shopId, input.encryptionKey);
  if (!linked) return loadPortokasse(db, input.shopId);
  const checkedAt = linked.view.balanceCheckedAt;
  if (checkedAt && input.now.getTime() - checkedAt.getTime() < input.maxAgeMs) return linked.view;
  return (await testPortokasse(db, im, { ...input, refreshCatalog: false })).view;
}
