/**
 * The cached zonedParts against Intl directly: random instants over fifty years in zones with daylight saving,
 * half- and quarter-hour offsets, and around the exact moments clocks change.
 */
import { seededRandom } from "@kexin/analytics";
import { describe, expect, it } from "vitest";
import { exactZonedParts, zonedParts } from "./zoned-time.ts";

const ZONES = ["Asia/Shanghai", "Asia/Taipei", "America/New_York", "America/St_Johns", "Europe/London", "Australia/Lord_Howe", "Asia/Kathmandu", "Pacific/Chatham", "UTC"];
const FROM = Date.UTC(1980, 0, 1);
const TO = Date.UTC(2030, 0, 1);

describe("zonedParts", () => {
  it("agrees with Intl at 20,000 random instants in nine zones", () => {
    const random = seededRandom(7);
    for (let i = 0; i < 20_000; i++) {
      const at = new Date(FROM + Math.floor(random() * (TO - FROM)));
      const zone = ZONES[i % ZONES.length];
      expect(zonedParts(at, zone), `${at.toISOString()} in ${zone}`).toEqual(exactZonedParts(at, zone));
    }
  });

  it("agrees with Intl on every minute around daylight-saving changes", () => {
    const changes: [string, number][] = [
      ["America/New_York", Date.UTC(2026, 2, 8, 7, 0)], // 02:00 EST → 03:00 EDT
      ["America/New_York", Date.UTC(2026, 10, 1, 6, 0)],
      ["America/St_Johns", Date.UTC(2026, 2, 8, 5, 30)], // −3:30, changes at half past in UTC
      ["Australia/Lord_Howe", Date.UTC(2026, 3, 4, 15, 0)], // half-hour daylight saving
      ["Pacific/Chatham", Date.UTC(2026, 3, 4, 14, 0)], // +13:45 → +12:45
      ["Europe/London", Date.UTC(2026, 2, 29, 1, 0)],
    ];
    for (const [zone, change] of changes) {
      for (let minute = -90; minute <= 90; minute++) {
        for (const second of [0, 59]) {
          const at = new Date(change + minute * 60_000 + second * 1000);
          expect(zonedParts(at, zone), `${at.toISOString()} in ${zone}`).toEqual(exactZonedParts(at, zone));
        }
      }
    }
  });
});
