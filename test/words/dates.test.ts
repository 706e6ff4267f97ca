// Dates in words and timestamps on the UK clock, across the changes to and from British Summer Time.
import { describe, expect, it } from "vitest";
import { dateInWords, daysBetween, instantOf, londonDate, londonTime, momentInWords } from "../../src/words/index.js";

describe("dateInWords", () => {
  it("writes an ISO date with the month's name", () => {
    expect(dateInWords("2026-10-30")).toBe("30 October 2026");
    expect(dateInWords("2027-01-01")).toBe("1 January 2027");
    expect(dateInWords("2028-02-29")).toBe("29 February 2028");
  });

  it("returns text that is not a date as it is", () => {
    expect(dateInWords("end of March")).toBe("end of March");
    expect(dateInWords("2026-13-01")).toBe("2026-13-01");
    expect(dateInWords("2027-02-29")).toBe("2027-02-29");
  });

  it("gives a timestamp its UK day, whatever offset it is written with", () => {
    expect(dateInWords("2026-07-30T23:30:00Z")).toBe("31 July 2026"); // 00:30 BST
    expect(dateInWords("2026-10-31T00:30:00+01:00")).toBe("30 October 2026"); // 23:30 GMT
    expect(dateInWords("2026-10-30T23:30:00-02:00")).toBe("31 October 2026");
    expect(dateInWords("2026-12-01T23:59:59.999Z")).toBe("1 December 2026");
  });
});

describe("londonTime across the BST changeovers", () => {
  // 2026: BST from 01:00 UTC on Sunday 29 March to 01:00 UTC on Sunday 25 October.
  it("starts summer time at 01:00 UTC on the last Sunday of March", () => {
    expect(londonTime("2026-03-29T00:59:59Z")).toEqual({ date: "2026-03-29", time: "00:59", zone: "GMT" });
    expect(londonTime("2026-03-29T01:00:00Z")).toEqual({ date: "2026-03-29", time: "02:00", zone: "BST" });
  });

  it("ends it at 01:00 UTC on the last Sunday of October", () => {
    expect(londonTime("2026-10-25T00:59:00Z")).toEqual({ date: "2026-10-25", time: "01:59", zone: "BST" });
    expect(londonTime("2026-10-25T01:00:00Z")).toEqual({ date: "2026-10-25", time: "01:00", zone: "GMT" });
  });

  it("moves the day at midnight UK time, not UTC, in summer", () => {
    expect(londonDate("2026-06-30T22:59:00Z")).toBe("2026-06-30");
    expect(londonDate("2026-06-30T23:00:00Z")).toBe("2026-07-01");
    expect(londonDate("2026-12-31T23:59:00Z")).toBe("2026-12-31");
  });

  it("reads offsets in every ISO spelling, and a timestamp without one as UTC (never the machine's zone)", () => {
    expect(instantOf("2026-10-14T09:12:00+01:00")).toBe(Date.UTC(2026, 9, 14, 8, 12));
    expect(instantOf("2026-10-14T09:12+0100")).toBe(Date.UTC(2026, 9, 14, 8, 12));
    expect(instantOf("2026-10-14T09:12:00-05")).toBe(Date.UTC(2026, 9, 14, 14, 12));
    expect(instantOf("2026-10-14T09:12:00")).toBe(Date.UTC(2026, 9, 14, 9, 12));
    expect(instantOf("2026-10-14T25:00:00Z")).toBeNull();
    expect(instantOf("2026-10-14")).toBeNull();
    expect(londonDate("not a date")).toBeNull();
  });

  it("says a moment with its zone", () => {
    expect(momentInWords("2026-10-14T08:12:00.000Z")).toBe("14 October 2026 at 09:12 BST");
    expect(momentInWords("2025-12-01T00:00:00.000Z")).toBe("1 December 2025 at 00:00 GMT");
    expect(momentInWords("2026-10-14")).toBe("14 October 2026");
  });

  it("counts whole days between two dates, across a changeover", () => {
    expect(daysBetween("2026-10-24", "2026-10-26")).toBe(2);
    expect(daysBetween("2026-03-28", "2026-03-30")).toBe(2);
  });
});
