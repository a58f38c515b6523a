/**
 * Counts attempts per key (an invitation token) in fixed one-minute windows, in memory. The per-IP limit stops one
 * client flooding; this one stops many clients hammering one leaked token.
 */
import { AppError } from "../../app-error.ts";

const WINDOW_MS = 60_000;
/** Above this many keys, expired windows are swept before a new key is added, so memory stays bounded. */
const SWEEP_ABOVE = 50_000;

export class AttemptCounter {
  private readonly windows = new Map<string, { count: number; startedAt: number }>();

  constructor(private readonly maxPerMinute: number) {}

  /**
   * Records one attempt for `key`.
   * @throws AppError rate_limited (429) when the key has used up its attempts this minute.
   */
  hit(key: string, now = Date.now()): void {
    let window = this.windows.get(key);
    if (!window || now - window.startedAt >= WINDOW_MS) {
      if (!window && this.windows.size >= SWEEP_ABOVE) this.sweep(now);
      window = { count: 0, startedAt: now };
      this.windows.set(key, window);
    }
    window.count += 1;
    if (window.count > this.maxPerMinute) {
      throw new AppError("rate_limited", "rate_limited", "too many attempts with this invitation; wait a minute and try again");
    }
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) {
      if (now - window.startedAt >= WINDOW_MS) this.windows.delete(key);
    }
    // Still full of live windows (a flood of distinct keys): start over rather than grow without bound.
    if (this.windows.size >= SWEEP_ABOVE) this.windows.clear();
  }
}
