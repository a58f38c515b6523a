import { describe, expect, it } from "vitest";
import { createKioskClock } from "./kiosk-clock.ts";

/** Timers fired by hand, one step at a time. */
function manualTimers() {
  const pending = new Map<number, { callback: () => void; ms: number }>();
  let next = 1;
  return {
    setTimer: (callback: () => void, ms: number) => {
      pending.set(next, { callback, ms });
      return next++;
    },
    clearTimer: (timer: unknown) => void pending.delete(timer as number),
    /** Fires the timers waiting `ms`. */
    fire(ms: number) {
      for (const [id, timer] of [...pending]) {
        if (timer.ms !== ms) continue;
        pending.delete(id);
        timer.callback();
      }
    },
    get count() {
      return pending.size;
    },
  };
}

describe("createKioskClock", () => {
  it("counts the thanks screen down to zero, then resets once", () => {
    const timers = manualTimers();
    const shown: number[] = [];
    let resets = 0;
    const clock = createKioskClock({ reset: () => resets++, isWorthClearing: () => true, showSecondsLeft: (s) => shown.push(s), thanksSeconds: 3, ...timers });
    clock.startCountdown();
    for (let i = 0; i < 5; i++) timers.fire(1000);
    expect(shown).toEqual([3, 2, 1, 0]);
    expect(resets).toBe(1);
    expect(timers.count).toBe(0);
  });

  it("stops counting when the next customer taps the button", () => {
    const timers = manualTimers();
    let resets = 0;
    const clock = createKioskClock({ reset: () => resets++, isWorthClearing: () => true, showSecondsLeft: () => undefined, ...timers });
    clock.startCountdown();
    clock.stop();
    timers.fire(1000);
    expect(resets).toBe(0);
    expect(timers.count).toBe(0);
  });

  it("clears a half-answered survey left idle, and only when it is worth clearing", () => {
    const timers = manualTimers();
    let resets = 0;
    let hasAnswers = false;
    const clock = createKioskClock({ reset: () => resets++, isWorthClearing: () => hasAnswers, showSecondsLeft: () => undefined, idleMs: 500, ...timers });
    clock.touch();
    timers.fire(500);
    expect(resets).toBe(0);
    hasAnswers = true;
    clock.touch();
    clock.touch(); // a second touch restarts the timer rather than adding one
    expect(timers.count).toBe(1);
    timers.fire(500);
    expect(resets).toBe(1);
  });
});
