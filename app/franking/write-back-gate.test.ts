import { describe, expect, it } from "vitest";
import { WriteBackGate } from "./write-back-gate";

/** Lets every resolved turn's continuation run. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("WriteBackGate (labels first, ADR 026)", () => {
  it.each([
    { buying: false, width: 2, asked: 5, goNow: 5 },
    { buying: true, width: 2, asked: 5, goNow: 2 },
    { buying: true, width: 1, asked: 3, goNow: 1 },
    { buying: true, width: 4, asked: 3, goNow: 3 },
  ])(
    "buying $buying, width $width: $goNow of $asked groups go at once",
    async ({ buying, width, asked, goNow }) => {
      const gate = new WriteBackGate(width, () => buying);
      let going = 0;
      for (let i = 0; i < asked; i++) void gate.turn().then(() => going++);
      await settled();
      expect([going, gate.counts]).toEqual([goNow, { inFlight: goNow, waiting: asked - goNow }]);
    },
  );

  it("a finished group lets the next waiting one go, in the order they asked", async () => {
    const gate = new WriteBackGate(1, () => true);
    const first = await gate.turn();
    const order: number[] = [];
    const rest = [1, 2].map(async (i) => {
      const release = await gate.turn();
      order.push(i);
      release();
    });
    await settled();
    expect([order, gate.counts]).toEqual([[], { inFlight: 1, waiting: 2 }]);
    first();
    first(); // twice is harmless: it does not let a second group by
    expect(gate.counts).toEqual({ inFlight: 1, waiting: 1 });
    await Promise.all(rest);
    expect([order, gate.counts]).toEqual([[1, 2], { inFlight: 0, waiting: 0 }]);
  });

  it("when buying ends, wake() lets every waiting group go", async () => {
    let buying = true;
    const gate = new WriteBackGate(1, () => buying);
    let going = 0;
    for (let i = 0; i < 4; i++) void gate.turn().then(() => going++);
    await settled();
    expect(going).toBe(1);
    buying = false;
    gate.wake();
    await settled();
    expect([going, gate.counts]).toEqual([4, { inFlight: 4, waiting: 0 }]);
  });

  it("while buying, a new group waits behind those already waiting even when the width would let it by", async () => {
    let buying = true;
    const gate = new WriteBackGate(1, () => buying);
    const first = await gate.turn();
    const order: string[] = [];
    const waiting = gate.turn().then((release) => (order.push("waiting"), release));
    buying = false; // the gate is open, but nobody woke the waiting group yet
    const late = gate.turn().then((release) => (order.push("late"), release));
    first();
    await Promise.all([waiting, late]);
    expect(order).toEqual(["waiting", "late"]);
  });

  it.each([0, -1, 1.5, Number.NaN])("refuses a width of %s", (width) => {
    expect(() => new WriteBackGate(width, () => true)).toThrow(RangeError);
  });
});
