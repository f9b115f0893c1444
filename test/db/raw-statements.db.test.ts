import { expect, it } from "vitest";
import { createDb } from "~/db/client.server";
import { databaseTarget } from "~/db/database-url";
import { describeEachDatabase } from "../support/databases";

// Raw statements (ADR 027) name tables unqualified: on PostgreSQL they must land in the URL's schema, as
// Prisma's own queries do, not in `public`.
describeEachDatabase("raw statements", (database, provider) => {
  it("find the same tables as Prisma's own queries", async () => {
    const { db } = database();
    const shop = await db.shop.create({ data: { domain: `raw-${provider}.myshopify.com` } });
    const changed =
      await db.$executeRaw`UPDATE "Shop" SET "domain" = ${"renamed.myshopify.com"} WHERE "id" = ${shop.id}`;
    expect(changed).toBe(1);
    expect((await db.shop.findUniqueOrThrow({ where: { id: shop.id } })).domain).toBe(
      "renamed.myshopify.com",
    );
  });

  if (provider === "postgresql")
    it("keep the server options the database URL gives, beside the schema's search_path", async () => {
      const url = new URL(database().target.url);
      url.searchParams.set("options", "-c statement_timeout=4321");
      const db = createDb(databaseTarget(url.toString()), { poolMax: 1 });
      try {
        const rows = await db.$queryRaw<{ timeout: string; path: string }[]>`
          SELECT current_setting('statement_timeout') AS timeout, current_setting('search_path') AS path`;
        expect(rows).toEqual([{ timeout: "4321ms", path: `"${database().target.schema}"` }]);
      } finally {
        await db.$disconnect();
      }
    });
});
