import { describe, expect, it } from "vitest";
import { dueState } from "./task-due.ts";

/** 14 May 2025, 15:00 in Shanghai. */
const now = new Date("2025-05-14T15:00:00+08:00");
const at = (hours: number) => new Date(`2025-05-14T${String(hours).padStart(2, "0")}:30:00+08:00`).toISOString();

describe("dueState", () => {
  it("trusts the server on overdue, whatever the clock says", () => {
    expect(dueState({ dueAt: at(9), isOverdue: true, status: "open" }, now)).toBe("overdue");
  });

  it("marks an open task due later today", () => {
    expect(dueState({ dueAt: at(18), isOverdue: false, status: "open" }, now)).toBe("today");
    expect(dueState({ dueAt: "2025-05-14T23:59:59+08:00", isOverdue: false, status: "open" }, now)).toBe("today");
  });

  it("reads today in Shanghai, not in the browser's zone", () => {
    // 23:59:59 in Shanghai is still 14 May there, though it is 15:59:59 UTC; 00:30 on the 15th is tomorrow.
    expect(dueState({ dueAt: "2025-05-14T15:59:59Z", isOverdue: false, status: "open" }, now)).toBe("today");
    expect(dueState({ dueAt: "2025-05-14T16:30:00Z", isOverdue: false, status: "open" }, now)).toBe("later");
  });

  it("leaves tomorrow and closed tasks alone", () => {
    expect(dueState({ dueAt: "2025-05-15T09:00:00+08:00", isOverdue: false, status: "open" }, now)).toBe("later");
    expect(dueState({ dueAt: at(18), isOverdue: false, status: "done" }, now)).toBe("later");
  });
});
