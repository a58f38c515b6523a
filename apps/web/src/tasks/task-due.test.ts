import { describe, expect, it } from "vitest";
import { dueState } from "./task-due.ts";

const now = new Date(2025, 4, 14, 15, 0);
const at = (hours: number) => new Date(2025, 4, 14, hours, 30).toISOString();

describe("dueState", () => {
  it("trusts the server on overdue, whatever the clock says", () => {
    expect(dueState({ dueAt: at(9), isOverdue: true, status: "open" }, now)).toBe("overdue");
  });

  it("marks an open task due later today", () => {
    expect(dueState({ dueAt: at(18), isOverdue: false, status: "open" }, now)).toBe("today");
  });

  it("leaves tomorrow and closed tasks alone", () => {
    expect(dueState({ dueAt: new Date(2025, 4, 15, 9).toISOString(), isOverdue: false, status: "open" }, now)).toBe("later");
    expect(dueState({ dueAt: at(18), isOverdue: false, status: "done" }, now)).toBe("later");
  });
});
