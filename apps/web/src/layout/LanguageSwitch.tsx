/** The header's language menu; each option carries a test id (lang-zh-CN, lang-en, lang-zh-TW). */
import { GlobalOutlined } from "@ant-design/icons";
import type { Locale } from "@kexin/contracts";
import { Button, Dropdown } from "antd";
import { useTranslation } from "react-i18next";
import { LOCALE_NAMES, LOCALES } from "../i18n/setup-i18n.ts";
import { useLocale } from "../i18n/useLocale.ts";

export function LanguageSwitch() {
  const { t } = useTranslation();
  const { locale, setLocale } = useLocale();
  return (
    <Dropdown
      trigger={["click"]}
      menu={{
        selectable: true,
        selectedKeys: [locale],
        onClick: ({ key }) => setLocale(key as Locale),
        items: LOCALES.map((option) => ({
          key: option,
          label: (
            <span data-testid={`lang-${option}`} lang={option}>
              {LOCALE_NAMES[option]}
            </span>
          ),
        })),
      }}
    >
      <Button type="text" icon={<GlobalOutlined />} data-testid="lang-switch" aria-label={t("app.language")}>
        {LOCALE_NAMES[locale]}
      </Button>
    </Dropdown>
  );
}
