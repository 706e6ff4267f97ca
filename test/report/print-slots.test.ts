// The printer's places to print in: no more than the count at once, handed on in the order asked,
// and everyone waiting let go when the printer closes.
import { describe, expect, it } from "vitest";
import { Slots } from "../../src/report/print-slots.js";

describe("Slots", () => {
  it("lets the count in at once and hands each place on in the order asked", async () => {
    const slots = new Slots(2);
    const order: string[] = [];
    await slots.take();
    await slots.take();
    const c = slots.take().then(() => order.push("c"));
    const d = slots.take().then(() => order.push("d"));
    await Promise.resolve();
    expect(order).toEqual([]);
    slots.give();
    await c;
    expect(order).toEqual(["c"]);
    slots.give();
    await d;
    expect(order).toEqual(["c", "d"]);
  });

  it("lets everyone waiting go on release", async () => {
    const slots = new Slots(1);
    await slots.take();
    const waiting = [slots.take(), slots.take()];
    slots.release();
    await expect(Promise.all(waiting)).resolves.toEqual([undefined, undefined]);
  });
});
