/** A page's own settings: its optional title in each language. */
import type { Locale, SurveyPage } from "@kexin/contracts";
import { Card, Form } from "antd";
import { useTranslation } from "react-i18next";
import { withText } from "../localized-text.ts";
import { EditLanguageSwitch, LocalizedInput } from "../LocalizedFields.tsx";

interface Props {
  page: SurveyPage;
  number: number;
  languages: readonly Locale[];
  locale: Locale;
  onLocaleChange(locale: Locale): void;
  onChange(page: SurveyPage): void;
}

export function PageEditor({ page, number, languages, locale, onLocaleChange, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={`${t("surveys.builder.page", { number })} · ${t("surveys.builder.pageSettings")}`}
      extra={<EditLanguageSwitch languages={languages} value={locale} onChange={onLocaleChange} testId="editor-lang" />}
      data-testid="page-editor"
    >
      <Form layout="vertical" component="div">
        <Form.Item label={t("surveys.builder.pageTitle")}>
          <LocalizedInput
            text={page.title}
            locale={locale}
            testId="page-title"
            onChange={(value) => onChange({ ...page, title: withText(page.title, locale, value) })}
          />
        </Form.Item>
      </Form>
    </Card>
  );
}
