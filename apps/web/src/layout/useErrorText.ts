/** Turns any thrown error into a sentence in the user's language, keeping the server's own words when specific. */
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client.ts";

export function useErrorText(): (error: unknown) => string {
  const { t } = useTranslation();
  return useCallback(
    (error: unknown) => {
      if (error instanceof ApiError) {
        if (error.code === "network") return t("errors.network");
        if (error.status === 401) return t("errors.sessionExpired");
        if (error.status === 403) return t("errors.forbidden");
        if (error.status === 404) return t("errors.notFound");
        return t("errors.generic", { message: error.message });
      }
      return t("errors.generic", { message: error instanceof Error ? error.message : String(error) });
    },
    [t],
  );
}
