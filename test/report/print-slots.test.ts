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

describe("a print that never began", () => {
  it("goes once to the run's printer as it is now, and only when it never began", async () => {
    const { printOnce } = await import("../../src/report/printer-pool.js");
    const { NotPrinted } = await import("../../src/report/print-slots.js");
    const { RunError } = await import("../../src/errors.js");
    const pdf = new Uint8Array([1]);
    const dead = { print: async () => Promise.reject(new NotPrinted("The browser stopped")) };
    const live = { print: async () => pdf };
    const printers = [dead, live];
    expect(await printOnce(async () => printers.shift()!, "<p>", { title: "t" })).toBe(pdf);
    // Stopped mid-print: said, not printed again (the report may have been half sent to the browser).
    const midway = { print: async () => Promise.reject(new RunError("The browser stopped while printing the PDF")) };
    let asked = 0;
    const count = async () => {
      asked++;
      return midway;
    };
    await expect(printOnce(count, "<p>", { title: "t" })).rejects.toThrow("while printing");
    expect(asked).toBe(1);
    // Twice not begun (the pool has no browser left to start): said.
    await expect(printOnce(async () => dead, "<p>", { title: "t" })).rejects.toBeInstanceOf(NotPrinted);
  });
});
