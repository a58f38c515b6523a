/** Polls a running import until it has finished, twice a second. */
import type { ImportJob } from "@kexin/contracts";
import { useEffect, useState } from "react";
import { getImportJob } from "../api/imports-api.ts";

const POLL_MS = 500;

export function useImportJob(importId: string | undefined): { job?: ImportJob; error?: unknown } {
  const [job, setJob] = useState<ImportJob>();
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    setJob(undefined);
    setError(undefined);
    if (!importId) return;
    let isCurrent = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const next = await getImportJob(importId);
        if (!isCurrent) return;
        setJob(next);
        if (next.status === "running") timer = setTimeout(() => void poll(), POLL_MS);
      } catch (caught) {
        if (isCurrent) setError(caught);
      }
    };
    void poll();
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
  }, [importId]);

  return { job, error };
}
