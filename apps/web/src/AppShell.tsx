/** Providers around the routes: Ant Design in the current language, its message/modal context, the session. */
import { App as AntApp, ConfigProvider } from "antd";
import { useTranslation } from "react-i18next";
import { BrowserRouter } from "react-router-dom";
import { AppRoutes } from "./AppRoutes.tsx";
import { SessionProvider } from "./auth/SessionProvider.tsx";
import { ANTD_LOCALES } from "./i18n/antd-locales.ts";
import { DEFAULT_LOCALE, toLocale } from "./i18n/setup-i18n.ts";

const THEME = { token: { colorPrimary: "#c8102e", borderRadius: 6 } };

export function AppShell() {
  const { i18n } = useTranslation();
  const locale = toLocale(i18n.language) ?? DEFAULT_LOCALE;
  return (
    <ConfigProvider locale={ANTD_LOCALES[locale]} theme={THEME} button={{ autoInsertSpace: false }}>
      <AntApp>
        <BrowserRouter>
          <SessionProvider>
            <AppRoutes />
          </SessionProvider>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}
