/**
 * Saves the server's copy of the progress a moment after the respondent stops changing answers, not on every
 * keystroke; `flush` sends at once (page change, tab hidden). One save at a time: a change during a save is sent
 * after it. Timers are passed in so tests run without waiting.
 */
export interface DraftSaverOptions {
  delayMs: number;
  /** Sends the current progress; its failure is tolerated (the device keeps its own copy). */
  save: (options: { keepalive: boolean }) => Promise<unknown>;
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

export interface DraftSaver {
  /** Something changed: save after `delayMs` of quiet. */
  schedule(): void;
  /** Save now if anything is waiting. */
  flush(options?: { keepalive: boolean }): Promise<void>;
  /** Drop what is waiting (the answer was submitted or abandoned). */
  cancel(): void;
  /** Drop what is waiting and let a save already on its way finish, so it cannot land after the submission. */
  drain(): Promise<void>;
}

export function createDraftSaver({
  delayMs,
  save,
  setTimer = (callback, ms) => setTimeout(callback, ms),
  clearTimer = (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
}: DraftSaverOptions): DraftSaver {
  let timer: unknown = null;
  let isPending = false;
  let running: Promise<void> | null = null;

  const run = async (keepalive: boolean): Promise<void> => {
    if (running) await running;
    if (!isPending) return;
    isPending = false;
    running = save({ keepalive }).then(
      () => undefined,
      () => undefined,
    );
    await running;
    running = null;
  };

  return {
    schedule() {
      isPending = true;
      if (timer !== null) clearTimer(timer);
      timer = setTimer(() => {
        timer = null;
        void run(false);
      }, delayMs);
    },
    async flush({ keepalive } = { keepalive: false }) {
      if (timer !== null) {
        clearTimer(timer);
        timer = null;
      }
      await run(keepalive);
    },
    cancel() {
      isPending = false;
      if (timer !== null) clearTimer(timer);
      timer = null;
    },
    async drain() {
      this.cancel();
      if (running) await running;
    },
  };
}
