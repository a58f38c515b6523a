/**
 * A kiosk's two clocks: the countdown on the thanks screen that greets the next customer, and the idle timer
 * that clears a survey someone walked away from halfway. Timers are passed in so tests need not wait.
 */
export interface KioskClockOptions {
  /** Starts the next customer's survey. */
  reset: () => void;
  /** Whether an idle survey should be cleared now (it has answers and nothing is being sent). */
  isWorthClearing: () => boolean;
  /** Shows the seconds left on the thanks screen. */
  showSecondsLeft: (seconds: number) => void;
  thanksSeconds?: number;
  idleMs?: number;
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

export interface KioskClock {
  /** The thanks screen is up: count down, then reset. */
  startCountdown(): void;
  /** The customer did something: the idle timer starts over. */
  touch(): void;
  /** Both clocks stop (the survey was reset). */
  stop(): void;
}

export function createKioskClock({
  reset,
  isWorthClearing,
  showSecondsLeft,
  thanksSeconds = 8,
  idleMs = 120_000,
  setTimer = (callback, ms) => setTimeout(callback, ms),
  clearTimer = (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
}: KioskClockOptions): KioskClock {
  let countdown: unknown = null;
  let idle: unknown = null;
  const stop = () => {
    if (countdown !== null) clearTimer(countdown);
    if (idle !== null) clearTimer(idle);
    countdown = null;
    idle = null;
  };
  return {
    startCountdown() {
      stop();
      let remaining = thanksSeconds;
      const tick = () => {
        showSecondsLeft(remaining);
        if (remaining <= 0) {
          countdown = null;
          reset();
          return;
        }
        remaining--;
        countdown = setTimer(tick, 1000);
      };
      tick();
    },
    touch() {
      if (idle !== null) clearTimer(idle);
      idle = setTimer(() => {
        idle = null;
        if (isWorthClearing()) reset();
      }, idleMs);
    },
    stop,
  };
}
