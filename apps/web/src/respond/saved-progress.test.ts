import { describe, expect, it } from "vitest";
import {
  chooseResumePoint,
  draftKeyStorageKey,
  findResumption,
  forgetSurvey,
  type KeyValueStore,
  loadDraftKey,
  loadProgress,
  progressStorageKey,
  saveDraftKey,
  saveProgress,
  type SavedProgress,
} from "./saved-progress.ts";

class MemoryStore implements KeyValueStore {
  readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

/** Storage as some private modes have it: every call throws. */
const blocked: KeyValueStore = {
  getItem: () => {
    throw new Error("SecurityError");
  },
  setItem: () => {
    throw new Error("QuotaExceededError");
  },
  removeItem: () => {
    throw new Error("SecurityError");
  },
};

const DRAFT_KEY = "0b6f8a52-2c1e-4d3a-9f00-1234567890ab";
const progress = (overrides: Partial<SavedProgress> = {}): SavedProgress => ({
  version: 2,
  pageIndex: 1,
  answers: { overall: 4, speed: { expectation: 6 } },
  startedAt: "2025-05-01T08:00:00.000Z",
  savedAt: "2025-05-01T08:01:00.000Z",
  draftKey: DRAFT_KEY,
  submissionKey: null,
  ...overrides,
});

describe("saved progress on the device", () => {
  const key = progressStorageKey("survey-1", "s:abc");

  it("keeps one entry per survey and link or invitation", () => {
    expect(progressStorageKey("survey-1", "s:abc")).not.toBe(progressStorageKey("survey-1", "r:abc"));
    expect(progressStorageKey("survey-1", "s:abc")).not.toBe(progressStorageKey("survey-2", "s:abc"));
  });

  it("reads back what it wrote, half-rated pairs included", () => {
    const store = new MemoryStore();
    expect(saveProgress(store, key, progress({ submissionKey: "k" }))).toBe(true);
    expect(loadProgress(store, key)).toEqual(progress({ submissionKey: "k" }));
  });

  it("drops an unreadable entry", () => {
    const store = new MemoryStore();
    store.setItem(key, "{not json");
    expect(loadProgress(store, key)).toBeNull();
    expect(store.items.has(key)).toBe(false);
    store.setItem(key, JSON.stringify({ version: "2", answers: [] }));
    expect(loadProgress(store, key)).toBeNull();
    expect(store.items.has(key)).toBe(false);
  });

  it("tolerates blocked storage", () => {
    expect(loadProgress(blocked, key)).toBeNull();
    expect(saveProgress(blocked, key, progress())).toBe(false);
    expect(loadDraftKey(blocked, "survey-1", "s:abc")).toBeNull();
    expect(() => saveDraftKey(blocked, "survey-1", "s:abc", DRAFT_KEY)).not.toThrow();
    expect(() => forgetSurvey(blocked, "survey-1", "s:abc")).not.toThrow();
  });

  it("finds the draft key in the progress, else in its own entry, and forgets both", () => {
    const store = new MemoryStore();
    expect(loadDraftKey(store, "survey-1", "s:abc")).toBeNull();
    saveDraftKey(store, "survey-1", "s:abc", DRAFT_KEY);
    expect(loadDraftKey(store, "survey-1", "s:abc")).toBe(DRAFT_KEY);
    const other = "1b6f8a52-2c1e-4d3a-9f00-1234567890ab";
    saveProgress(store, key, progress({ draftKey: other }));
    expect(loadDraftKey(store, "survey-1", "s:abc")).toBe(other);
    forgetSurvey(store, "survey-1", "s:abc");
    expect(store.items.size).toBe(0);
  });

  it("ignores a kept draft key that is not a uuid", () => {
    const store = new MemoryStore();
    store.setItem(draftKeyStorageKey("survey-1", "s:abc"), "../../api/x");
    expect(loadDraftKey(store, "survey-1", "s:abc")).toBeNull();
  });
});

describe("chooseResumePoint", () => {
  const server = { version: 2, pageIndex: 2, answers: { overall: 4, nps: 9 }, updatedAt: "2025-05-01T09:00:00.000Z" };

  it("resumes from the device's copy first, half-rated pairs included", () => {
    expect(chooseResumePoint(progress(), server, 2)).toEqual({ answers: progress().answers, pageIndex: 1 });
  });

  it("falls back to the server's copy when the device has none for this version", () => {
    expect(chooseResumePoint(null, server, 2)).toEqual({ answers: server.answers, pageIndex: 2 });
    expect(chooseResumePoint(progress({ version: 1 }), server, 2)).toEqual({ answers: server.answers, pageIndex: 2 });
    expect(chooseResumePoint(progress({ answers: {} }), server, 2)).toEqual({ answers: server.answers, pageIndex: 2 });
  });

  it("starts afresh when both copies answer another version or are empty", () => {
    expect(chooseResumePoint(progress({ version: 1 }), { ...server, version: 1 }, 2)).toBeNull();
    expect(chooseResumePoint(null, { ...server, answers: {} }, 2)).toBeNull();
    expect(chooseResumePoint(null, null, 2)).toBeNull();
  });
});

describe("findResumption", () => {
  const where = { surveyId: "survey-1", version: 2, routeId: "r:token" };
  const serverDraft = { version: 2, pageIndex: 2, answers: { overall: 5 }, updatedAt: "2025-05-01T09:00:00.000Z" };

  it("carries on from the device without asking the server", async () => {
    const store = new MemoryStore();
    saveProgress(store, progressStorageKey("survey-1", "r:token"), progress({ submissionKey: "sent-once" }));
    let asked = 0;
    const found = await findResumption(store, where, async () => (asked++, serverDraft));
    expect(asked).toBe(0);
    expect(found).toEqual({
      draftKey: DRAFT_KEY,
      submissionKey: "sent-once",
      startedAt: progress().startedAt,
      point: { answers: progress().answers, pageIndex: 1 },
    });
  });

  it("asks the server under the kept draft key when the device lost the answers", async () => {
    const store = new MemoryStore();
    saveDraftKey(store, "survey-1", "r:token", DRAFT_KEY);
    const asked: string[] = [];
    const found = await findResumption(store, where, async (key) => (asked.push(key), serverDraft));
    expect(asked).toEqual([DRAFT_KEY]);
    expect(found.point).toEqual({ answers: { overall: 5 }, pageIndex: 2 });
    expect(found.submissionKey).toBeNull();
  });

  it("forgets a device copy of an older version but keeps its draft key, and survives an offline server", async () => {
    const store = new MemoryStore();
    saveProgress(store, progressStorageKey("survey-1", "r:token"), progress({ version: 1 }));
    const found = await findResumption(store, where, async () => {
      throw new TypeError("Failed to fetch");
    });
    expect(found).toEqual({ draftKey: DRAFT_KEY, submissionKey: null, startedAt: null, point: null });
    expect(store.items.size).toBe(0);
  });

  it("starts afresh on a device that never answered", async () => {
    const found = await findResumption(new MemoryStore(), where, async () => serverDraft);
    expect(found).toEqual({ draftKey: null, submissionKey: null, startedAt: null, point: null });
  });
});
