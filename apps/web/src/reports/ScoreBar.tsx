/** A 0–100 score as a number and a bar, red for low through green for high. */
import { scaleColors } from "./report-colors.ts";
import { useReportFormat } from "./useReportFormat.ts";

const RAMP = scaleColors(7);

export function ScoreBar({ score, testId }: { score: number; testId?: string }) {
  const format = useReportFormat();
  const clamped = Math.max(0, Math.min(100, score));
  // 0–40 red … 85–100 green: the ramp's seven steps over the range scores usually take.
  const color = RAMP[Math.max(0, Math.min(RAMP.length - 1, Math.floor((clamped - 40) / 7.5) + 1))];
  return (
    <div className="report-score" data-testid={testId}>
      <span className="report-score-value">{format.decimal(score, 1)}</span>
      <span className="report-score-track">
        <span style={{ width: `${clamped}%`, background: color }} />
      </span>
    </div>
  );
}
