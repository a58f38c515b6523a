/** Survey-wide settings: names and texts per language, languages, anonymity, indicator system, model, closed loop. */
import { Locale, type LocalizedText, type SurveyDefinition } from "@kexin/contracts";
import { Checkbox, Drawer, Form, Input, Switch, Tabs } from "antd";
import { useTranslation } from "react-i18next";
import { LOCALE_NAMES } from "../../i18n/setup-i18n.ts";
import { allQuestions, dropStaleTies, renameTie } from "../definition-edits.ts";
import { withRequiredText, withText } from "../localized-text.ts";
import { EditLanguageSwitch, LocalizedInput } from "../LocalizedFields.tsx";
import type { NumberedName } from "../useDefaultText.ts";
import { ClosedLoopEditor } from "./ClosedLoopEditor.tsx";
import { IndicatorSystemEditor } from "./IndicatorSystemEditor.tsx";
import { ModelEditor } from "./ModelEditor.tsx";

interface Props {
  open: boolean;
  onClose(): void;
  name: string;
  onNameChange(name: string): void;
  definition: SurveyDefinition;
  edit(change: (current: SurveyDefinition) => SurveyDefinition): void;
  locale: Locale;
  onLocaleChange(locale: Locale): void;
  numberedText(name: NumberedName, number: number): LocalizedText;
}

export function SurveySettingsDrawer({ open, onClose, name, onNameChange, definition, edit, locale, onLocaleChange, numberedText }: Props) {
  const { t } = useTranslation();
  const set = <K extends keyof SurveyDefinition>(field: K, value: SurveyDefinition[K]) => edit((current) => ({ ...current, [field]: value }));

  const general = (
    <Form layout="vertical" component="div">
      <Form.Item label={t("surveys.settings.name")} required>
        <Input value={name} maxLength={200} onChange={(event) => onNameChange(event.target.value)} data-testid="settings-name" />
      </Form.Item>
      <Form.Item label={t("surveys.settings.surveyTitle")} required>
        <LocalizedInput
          text={definition.title}
          locale={locale}
          testId="settings-title"
          onChange={(value) => set("title", withRequiredText(definition.title, locale, value))}
        />
      </Form.Item>
      <Form.Item label={t("surveys.settings.intro")}>
        <LocalizedInput text={definition.intro} locale={locale} isMultiline onChange={(value) => set("intro", withText(definition.intro, locale, value))} />
      </Form.Item>
      <Form.Item label={t("surveys.settings.thanks")}>
        <LocalizedInput text={definition.thanks} locale={locale} isMultiline onChange={(value) => set("thanks", withText(definition.thanks, locale, value))} />
      </Form.Item>
      <Form.Item label={t("surveys.settings.languages")} extra={t("surveys.settings.languagesHelp")}>
        <Checkbox.Group<Locale>
          value={definition.languages}
          // Keep the order the languages are listed in, and at least one of them.
          onChange={(chosen) => chosen.length > 0 && set("languages", Locale.options.filter((option) => chosen.includes(option)))}
          options={Locale.options.map((option) => ({ value: option, label: LOCALE_NAMES[option] }))}
          data-testid="settings-languages"
        />
      </Form.Item>
      <Form.Item label={t("surveys.settings.anonymous")} extra={t("surveys.settings.anonymousHelp")}>
        <Switch checked={definition.isAnonymous} onChange={(isAnonymous) => set("isAnonymous", isAnonymous)} data-testid="settings-anonymous" />
      </Form.Item>
    </Form>
  );

  const items = [
    { key: "general", label: t("surveys.settings.general"), children: general },
    {
      key: "indicators",
      label: t("surveys.settings.indicators"),
      children: (
        <IndicatorSystemEditor
          value={definition.indicatorSystem}
          locale={locale}
          numberedText={numberedText}
          onChange={(indicatorSystem, renamed) =>
            edit((current) => {
              const next = { ...current, indicatorSystem };
              return dropStaleTies(renamed ? renameTie(next, "indicator", renamed.from, renamed.to) : next);
            })
          }
        />
      ),
    },
    {
      key: "model",
      label: t("surveys.settings.model"),
      children: (
        <ModelEditor
          value={definition.model}
          locale={locale}
          numberedText={numberedText}
          onChange={(model, renamed) =>
            edit((current) => {
              // Renaming after setting the new model moves the tied questions and the model's own paths along.
              const next = { ...current, model };
              return dropStaleTies(renamed ? renameTie(next, "construct", renamed.from, renamed.to) : next);
            })
          }
        />
      ),
    },
    {
      key: "closed-loop",
      label: t("surveys.settings.closedLoop"),
      children: (
        <ClosedLoopEditor
          rules={definition.closedLoop}
          questions={allQuestions(definition)}
          locale={locale}
          onChange={(closedLoop) => set("closedLoop", closedLoop)}
        />
      ),
    },
  ];

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={760}
      title={t("surveys.settings.title")}
      extra={<EditLanguageSwitch languages={definition.languages} value={locale} onChange={onLocaleChange} testId="settings-lang" />}
      data-testid="builder-settings-drawer"
    >
      <Tabs items={items} />
    </Drawer>
  );
}
