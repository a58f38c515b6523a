/**
 * "Recompute now": asks the server for a recompute (a background job, since a large organisation takes a while),
 * shows the job as queued → running → done by polling it, and calls `onDone` so the page reloads its figures.
 */
import { ReloadOutlined } from "@ant-design/icons";
import type { JobEntry } from "@kexin/contracts";
import { App, Button, Space, Tag } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useErrorText } from "../layout/useErrorText.ts";
import { getJob, requestRecompute } from "./value-api.ts";

const POLL_MS = 1_500;
const STATUS_COLORS = { queued: "default", running: "processing", done: "success", failed: "error" } as const;

export function RecomputeButton({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [job, setJob] = useState<JobEntry>();
  const [isAsking, setAsking] = useState(false);
  const isWorking = job?.status === "queued" || job?.status === "running";

  useEffect(() => {
    if (!job || !isWorking) return;
    let isCurrent = true;
    const timer = setTimeout(() => {
      getJob(job.id)
        .then((next) => {
          if (!isCurrent) return;
          setJob(next);
          if (next.status === "done") {
            const result = next.result ?? {};
            void message.success(t("value.recomputed", { customers: Number(result.customers ?? 0), changes: Number(result.tierChanges ?? 0) }));
            onDone();
          } else if (next.status === "failed") {
            void message.error(t("value.recomputeFailed", { error: next.lastError ?? "" }));
          }
        })
        // A failed poll (network blip) tries again on the next tick: the job goes on regardless.
        .catch(() => isCurrent && setJob({ ...job }));
    }, POLL_MS);
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
  }, [job, isWorking]);

  async function ask() {
    setAsking(true);
    try {
      const requested = await requestRecompute();
      setJob(requested.job);
      // A job that finished between the click and the answer has nothing left to poll.
      if (requested.job.status === "done") onDone();
      else if (requested.job.status === "failed") void message.error(t("value.recomputeFailed", { error: requested.job.lastError ?? "" }));
      else void message.info(t("value.recomputeQueued"));
    } catch (caught) {
      void message.error(errorText(caught));
    } finally {
      setAsking(false);
    }
  }

  return (
    <Space>
      {job && (
        <Tag color={STATUS_COLORS[job.status]} data-testid="value-recompute-status" data-status={job.status}>
          {t(`value.recomputeStatus.${job.status}`)}
        </Tag>
      )}
      <Button icon={<ReloadOutlined />} loading={isAsking || isWorking} onClick={() => void ask()} data-testid="value-recompute">
        {t("value.recompute")}
      </Button>
    </Space>
  );
}
