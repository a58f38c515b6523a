/** The current language and a way to change it: remembered in the browser and, when signed in, on the server. */
import type { Locale } from "@kexin/contracts";
import { App } from "antd";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { saveLocale } from "../api/auth-api.ts";
import { useSession } from "../auth/useSession.ts";
import { DEFAULT_LOCALE, rememberLocale, toLocale } from "./setup-i18n.ts";

export function useLocale(): { locale: Locale; setLocale(locale: Locale): void } {
  const { i18n } = useTranslation();
  const { state } = useSession();
  const { message } = App.useApp();
  const isSignedIn = state.status === "signed-in";

  const setLocale = useCallback(
    (locale: Locale) => {
      rememberLocale(locale);
      void i18n.changeLanguage(locale);
      if (isSignedIn) {
        saveLocale(locale).catch((error: unknown) => {
          console.error(error);
          void message.warning(i18n.t("errors.network"));
        });
      }
    },
    [i18n, isSignedIn, message],
  );

  // useTranslation re-renders on every language change, so this stays current.
  return { locale: toLocale(i18n.language) ?? DEFAULT_LOCALE, setLocale };
}
