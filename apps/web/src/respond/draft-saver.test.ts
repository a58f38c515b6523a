import { describe, expect, it } from "vitest";
import { createDraftSaver } from "./draft-saver.ts";

/** Timers the test fires by hand. */
function manualTimers() {
  const pending = new Map<number, () => void>();
  let next = 1;
  return {
    setTimer: (callback: () => void) => {
      pending.set(next, callback);
      return next++;
    },
    clearTimer: (timer: unknown) => void pending.delete(timer as number),
    fireAll: () => {
      const callbacks = [...pending.values()];
      pending.clear();
      callbacks.forEach((callback) => callback());
    },
    get count() {
      return pending.size;
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("createDraftSaver", () => {
  it("saves once after a burst of changes", async () => {
    const timers = manualTimers();
    const saves: boolean[] = [];
    const saver = createDraftSaver({ delayMs: 1500, save: async ({ keepalive }) => void saves.push(keepalive), ...timers });
    saver.schedule();
    saver.schedule();
    saver.schedule();
    expect(timers.count).toBe(1);
    timers.fireAll();
    await settle();
    expect(saves).toEqual([false]);
  });

  it("flushes at once, with keepalive when the page is leaving, and not twice", async () => {
    const timers = manualTimers();
    const saves: boolean[] = [];
    const saver = createDraftSaver({ delayMs: 1500, save: async ({ keepalive }) => void saves.push(keepalive), ...timers });
    saver.schedule();
    await saver.flush({ keepalive: true });
    await saver.flush({ keepalive: true });
    expect(saves).toEqual([true]);
    expect(timers.count).toBe(0);
  });

  it("sends nothing after cancel", async () => {
    const timers = manualTimers();
    let saves = 0;
    const saver = createDraftSaver({ delayMs: 1500, save: async () => void saves++, ...timers });
    saver.schedule();
    saver.cancel();
    timers.fireAll();
    await saver.flush();
    expect(saves).toBe(0);
  });

  it("sends a change made during a save after it, and survives a failed save", async () => {
    const timers = manualTimers();
    let release: () => void = () => undefined;
    let calls = 0;
    const saver = createDraftSaver({
      delayMs: 1500,
      save: () => {
        calls++;
        return calls === 1 ? new Promise<void>((_, reject) => (release = () => reject(new Error("offline")))) : Promise.resolve();
      },
      ...timers,
    });
    saver.schedule();
    const first = saver.flush();
    saver.schedule();
    const second = saver.flush();
    release();
    await Promise.all([first, second]);
    expect(calls).toBe(2);
  });

  it("drain waits for a save on its way and drops the one waiting", async () => {
    const timers = manualTimers();
    let release: () => void = () => undefined;
    const events: string[] = [];
    const saver = createDraftSaver({
      delayMs: 1500,
      save: () => {
        events.push("save started");
        return new Promise<void>((resolve) => (release = () => (events.push("save finished"), resolve())));
      },
      ...timers,
    });
    saver.schedule();
    timers.fireAll();
    saver.schedule(); // a later change, still waiting for its timer
    const drained = saver.drain().then(() => events.push("drained"));
    await settle();
    expect(events).toEqual(["save started"]);
    release();
    await drained;
    timers.fireAll();
    await settle();
    expect(events).toEqual(["save started", "save finished", "drained"]);
  });
});
