import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { PRODUCTION_NODE_FLAGS } from "../../bench/app-process";

// The benchmark measures memory with the V8 flags production runs with: the Dockerfile's NODE_OPTIONS.
it("the benchmark's app processes run with the Dockerfile's NODE_OPTIONS", () => {
  const dockerfile = readFileSync(new URL("../../Dockerfile", import.meta.url), "utf8");
  const options = /^ENV NODE_OPTIONS="([^"]*)"$/m.exec(dockerfile)?.[1];
  expect(options?.split(" ")).toEqual(PRODUCTION_NODE_FLAGS);
});
