import { describe, expect, it } from "vitest";
import { CATCH_UP_MS, dueSlot, immediateSlot, startOfLocalDay, zonedInstant } from "./slots";

const BERLIN = "Europe/Berlin";
const since = new Date("2026-01-01T00:00:00Z");

describe("zonedInstant", () => {
  it.each([
    ["winter (CET, UTC+1)", { year: 2026, month: 12, day: 2 }, "14:00", "2026-12-02T13:00:00.000Z"],
    ["summer (CEST, UTC+2)", { year: 2026, month: 7, day: 1 }, "14:00", "2026-07-01T12:00:00.000Z"],
    [
      "a time the spring change skips happens an hour later",
      { year: 2026, month: 3, day: 29 },
      "02:30",
      "2026-03-29T01:30:00.000Z",
    ],
    [
      "a time that happens twice in autumn is taken the first time",
      { year: 2026, month: 10, day: 25 },
      "02:30",
      "2026-10-25T00:30:00.000Z",
    ],
  ])("%s", (_, date, time, expected) => {
    expect(zonedInstant(date, time, BERLIN).toISOString()).toBe(expected);
  });
});

describe("dueSlot", () => {
  it("is null before the time and names the local date and time after it", () => {
    expect(dueSlot(new Date("2026-12-02T12:59:59Z"), ["14:00"], BERLIN, since)).toBeNull();
    expect(dueSlot(new Date("2026-12-02T13:00:00Z"), ["14:00"], BERLIN, since)).toEqual({
      key: "times:2026-12-02T14:00",
      at: new Date("2026-12-02T13:00:00Z"),
    });
  });

  it("takes the latest of several times and nothing before the rules were saved", () => {
    const now = new Date("2026-12-02T16:30:00Z");
    expect(dueSlot(now, ["09:00", "14:00", "17:00"], BERLIN, since)?.key).toBe("times:2026-12-02T17:00");
    expect(dueSlot(now, ["09:00", "14:00"], BERLIN, new Date("2026-12-02T13:30:00Z"))).toBeNull();
  });

  it("runs yesterday's slot shortly after midnight, but not a slot missed by more than the catch-up window", () => {
    expect(dueSlot(new Date("2026-12-02T23:30:00Z"), ["23:45"], BERLIN, since)?.key).toBe(
      "times:2026-12-02T23:45",
    );
    expect(
      dueSlot(
        new Date(new Date("2026-12-02T13:00:00Z").getTime() + CATCH_UP_MS + 1),
        ["14:00"],
        BERLIN,
        since,
      ),
    ).toBeNull();
  });

  it("uses the given time zone", () => {
    expect(dueSlot(new Date("2026-12-02T14:00:00Z"), ["09:00"], "America/New_York", since)?.key).toBe(
      "times:2026-12-02T09:00",
    );
  });
});

describe("other slots", () => {
  it("an at-once slot is the same for every process within a minute", () => {
    expect(immediateSlot(new Date("2026-12-02T13:00:59Z")).key).toBe(
      immediateSlot(new Date("2026-12-02T13:00:01Z")).key,
    );
  });
  it("the local day starts at local midnight", () => {
    expect(startOfLocalDay(new Date("2026-12-02T23:30:00Z"), BERLIN).toISOString()).toBe(
      "2026-12-02T23:00:00.000Z",
    );
  });
});
