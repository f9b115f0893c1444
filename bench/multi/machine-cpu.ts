/**
 * CPU time from Linux's /proc, read at the start and the end of the multi-shop run's timed window: what the
 * app processes, the simulators and everything else on the machine (PostgreSQL above all) spent while the
 * shops waited. Elsewhere (no /proc) it is null and the report leaves the window's figures out.
 */
import { readFileSync } from "node:fs";

/** The kernel's clock ticks per second (USER_HZ): 100 on every Linux this runs on. */
const TICKS_PER_SECOND = 100;
const ticksToMs = (ticks: number) => (ticks * 1000) / TICKS_PER_SECOND;

export interface CpuSnapshot {
  /** CPU time of the whole machine, busy (not idle, not waiting for I/O), in ms over all cores. */
  machineBusyMs: number;
  /** CPU time of each pid asked for (user + system), in ms. */
  perPidMs: number[];
}

/** The "cpu" line of /proc/stat: user nice system idle iowait irq softirq steal (guest is inside user). */
export function machineBusyTicks(procStat: string): number {
  const line = procStat.split("\n").find((l) => l.startsWith("cpu "));
  if (!line) throw new Error("/proc/stat has no cpu line");
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = line
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  return user + nice + system + irq + softirq + steal;
}

/** utime + stime of /proc/<pid>/stat (fields 14 and 15; the command name in parentheses may hold spaces). */
export function processTicks(pidStat: string): number {
  const fields = pidStat.slice(pidStat.lastIndexOf(")") + 2).split(" ");
  // After the name, field 3 (state) is index 0: utime (14) is index 11, stime (15) index 12.
  return Number(fields[11]) + Number(fields[12]);
}

export function cpuSnapshot(pids: readonly number[]): CpuSnapshot | null {
  try {
    return {
      machineBusyMs: ticksToMs(machineBusyTicks(readFileSync("/proc/stat", "utf8"))),
      perPidMs: pids.map((pid) => ticksToMs(processTicks(readFileSync(`/proc/${pid}/stat`, "utf8")))),
    };
  } catch {
    return null;
  }
}
