// How long Prisma's WebAssembly query compiler spends on each kind of query (model and action), the
// diagnostic behind ADRs 027 and 029. Two uses:
//
//   as a preload of the benchmark's app processes (PostgreSQL runs), one JSON file per process:
//     PRISMA_COMPILE_TIMES_DIR=/tmp/compile \
//     BENCH_APP_NODE_FLAGS="--max-old-space-size=256 --import ./bench/prisma-compile-times.mjs" \
//       npm run bench -- --shops 50 --orders 100 --processes 3
//   then the sum over the processes, slowest first:
//     node bench/prisma-compile-times.mjs /tmp/compile
//
// The times are wall-clock around a synchronous call: on a machine with more busy processes than cores
// they include waits for a core, so compare kinds within one run rather than runs with each other.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const asScript = process.argv[1] && import.meta.filename === path.resolve(process.argv[1]);

if (asScript) summarize(process.argv[2] ?? path.join(tmpdir(), "prisma-compile-times"));
else await instrument(process.env.PRISMA_COMPILE_TIMES_DIR ?? path.join(tmpdir(), "prisma-compile-times"));

/** Wraps the compiler's `compile` and `compileBatch` (shared by every client of the process). */
async function instrument(dir) {
  const runtime = await import(
    import.meta.resolve("@prisma/client/runtime/query_compiler_bg.postgresql.mjs")
  );
  const kinds = new Map();
  const proto = runtime.QueryCompiler.prototype;
  for (const name of ["compile", "compileBatch"]) {
    const original = proto[name];
    proto[name] = function (request) {
      const start = process.hrtime.bigint();
      try {
        return original.call(this, request);
      } finally {
        const ms = Number(process.hrtime.bigint() - start) / 1e6;
        const key = `${name === "compileBatch" ? "batch " : ""}${kindOf(request, name)}`;
        const entry = kinds.get(key) ?? { calls: 0, ms: 0, bytes: 0 };
        entry.calls++;
        entry.ms += ms;
        entry.bytes += request.length;
        kinds.set(key, entry);
      }
    };
  }
  process.on("exit", () => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `${process.pid}.json`), JSON.stringify(Object.fromEntries(kinds)));
  });
}

function kindOf(request, name) {
  try {
    const parsed = JSON.parse(request);
    const query = name === "compileBatch" ? (parsed.batch?.[0] ?? parsed) : parsed;
    return `${query.modelName ?? ""}.${query.action}`;
  } catch {
    return "(unreadable)";
  }
}

function summarize(dir) {
  const total = new Map();
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".json"))) {
    for (const [key, entry] of Object.entries(JSON.parse(readFileSync(path.join(dir, file), "utf8")))) {
      const sum = total.get(key) ?? { calls: 0, ms: 0, bytes: 0 };
      sum.calls += entry.calls;
      sum.ms += entry.ms;
      sum.bytes += entry.bytes;
      total.set(key, sum);
    }
  }
  const rows = [...total].sort((a, b) => b[1].ms - a[1].ms);
  const all = rows.reduce((s, [, e]) => ({ calls: s.calls + e.calls, ms: s.ms + e.ms }), { calls: 0, ms: 0 });
  const out = (line) => process.stdout.write(`${line}\n`);
  out(`${all.calls} queries compiled in ${all.ms.toFixed(0)} ms`);
  out("      ms   calls  KB/call  query");
  for (const [key, e] of rows.slice(0, 30)) {
    const kb = (e.bytes / e.calls / 1024).toFixed(1);
    out(`${e.ms.toFixed(0).padStart(8)} ${String(e.calls).padStart(7)} ${kb.padStart(8)}  ${key}`);
  }
}
