/**
 * Progress kept on the device: the answers so far, the page, the draft key under which the server keeps a copy,
 * and the submission key of the answer being sent (kept until the server acknowledges it, so a retry after a lost
 * connection or a reload sends the same key and stores one answer).
 */
import type { Answers } from "@kexin/contracts/survey-answers";

export interface SavedProgress {
  version: number;
  pageIndex: number;
  answers: Answers;
  /** When the respondent began (ISO), sent as ResponseSubmit.startedAt. */
  startedAt: string;
  /** When this copy was written (ISO), to pick the newer of this and the server draft. */
  savedAt: string;
  draftKey: string;
  submissionKey: string | null;
}

/** The part of window.localStorage used here, so tests can pass a Map-backed one. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** One entry per survey and link or invitation: the same survey reached through two links keeps two answers. */
export function progressStorageKey(surveyId: string, routeId: string): string {
  return `kexin.respond.v1:${surveyId}:${routeId}`;
}

/**
 * The draft key also gets an entry of its own: a few bytes that survive when the answers could not be written
 * (storage full of long texts) or were dropped as corrupt, so the server's copy can still be found.
 */
export function draftKeyStorageKey(surveyId: string, routeId: string): string {
  return `kexin.respond.v1:draft-key:${surveyId}:${routeId}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The draft key kept for this survey and route: the saved progress's, else the separate entry's, else null. */
export function loadDraftKey(store: KeyValueStore, surveyId: string, routeId: string): string | null {
  const fromProgress = loadProgress(store, progressStorageKey(surveyId, routeId))?.draftKey;
  if (fromProgress && UUID.test(fromProgress)) return fromProgress;
  try {
    const kept = store.getItem(draftKeyStorageKey(surveyId, routeId));
    return kept && UUID.test(kept) ? kept : null;
  } catch {
    return null;
  }
}

export function saveDraftKey(store: KeyValueStore, surveyId: string, routeId: string, draftKey: string): void {
  try {
    store.setItem(draftKeyStorageKey(surveyId, routeId), draftKey);
  } catch {
    // blocked storage: the draft key lives only as long as the page
  }
}

/** Forgets everything kept for this survey and route (after a stored answer, or Start over). */
export function forgetSurvey(store: KeyValueStore, surveyId: string, routeId: string): void {
  clearProgress(store, progressStorageKey(surveyId, routeId));
  clearProgress(store, draftKeyStorageKey(surveyId, routeId));
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The saved progress, or null when there is none or it is unreadable (then it is removed). */
export function loadProgress(store: KeyValueStore, key: string): SavedProgress | null {
  let raw: string | null;
  try {
    raw = store.getItem(key);
  } catch {
    return null; // storage blocked (some private modes): the page still works, without resuming
  }
  if (raw === null) return null;
  try {
    const value: unknown = JSON.parse(raw);
    if (
      isRecord(value) &&
      typeof value.version === "number" &&
      typeof value.pageIndex === "number" &&
      isRecord(value.answers) &&
      typeof value.startedAt === "string" &&
      typeof value.savedAt === "string" &&
      typeof value.draftKey === "string" &&
      (value.submissionKey === null || typeof value.submissionKey === "string")
    ) {
      return value as unknown as SavedProgress;
    }
  } catch {
    // fall through: a corrupt entry is dropped
  }
  clearProgress(store, key);
  return null;
}

/** Writes the progress; false when the store refuses (full or blocked), which the page tolerates. */
export function saveProgress(store: KeyValueStore, key: string, progress: SavedProgress): boolean {
  try {
    store.setItem(key, JSON.stringify(progress));
    return true;
  } catch {
    return false;
  }
}

export function clearProgress(store: KeyValueStore, key: string): void {
  try {
    store.removeItem(key);
  } catch {
    // nothing to clear when storage is blocked
  }
}

/** The server's copy (api.ts Draft). */
export interface ServerDraft {
  version: number;
  pageIndex: number;
  answers: Record<string, unknown>;
  updatedAt: string;
}

/**
 * What to resume from: the device's copy first (it holds everything, even a half-rated pair), else the server's
 * (which holds the valid answers and outlives a device copy lost to a full or cleared storage), as long as it
 * answers the survey version now published: answers to an older version may name questions that no longer exist.
 * Null: start afresh. The two are not compared by time, because the server's clock is not the phone's.
 */
export function chooseResumePoint(
  local: SavedProgress | null,
  server: ServerDraft | null,
  version: number,
): { answers: Answers; pageIndex: number } | null {
  if (local && local.version === version && Object.keys(local.answers).length > 0) {
    return { answers: local.answers, pageIndex: local.pageIndex };
  }
  if (server && server.version === version && Object.keys(server.answers).length > 0) {
    return { answers: server.answers as Answers, pageIndex: server.pageIndex };
  }
  return null;
}

/** Where a returning respondent carries on, and with which keys (null: make new ones). */
export interface Resumption {
  draftKey: string | null;
  submissionKey: string | null;
  startedAt: string | null;
  point: { answers: Answers; pageIndex: number } | null;
}

/**
 * Looks for a half-finished answer to this survey version: on the device, else (when the device has no answers
 * for it) on the server under the kept draft key. A device copy of an older version is forgotten, but its draft
 * key is reused so the server's copy is overwritten rather than orphaned.
 */
export async function findResumption(
  store: KeyValueStore,
  { surveyId, version, routeId }: { surveyId: string; version: number; routeId: string },
  loadServerDraft: (draftKey: string) => Promise<ServerDraft | null>,
): Promise<Resumption> {
  const local = loadProgress(store, progressStorageKey(surveyId, routeId));
  const draftKey = loadDraftKey(store, surveyId, routeId);
  const current = local !== null && local.version === version ? local : null;
  if (local && !current) forgetSurvey(store, surveyId, routeId);
  let server: ServerDraft | null = null;
  if ((!current || Object.keys(current.answers).length === 0) && draftKey) {
    server = await loadServerDraft(draftKey).catch(() => null); // offline: the device alone decides
  }
  return {
    draftKey,
    submissionKey: current?.submissionKey ?? null,
    startedAt: current?.startedAt ?? null,
    point: chooseResumePoint(current, server, version),
  };
}
