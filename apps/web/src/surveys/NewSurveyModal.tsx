/** Start a survey: a name, optionally a store, and a template to begin from (or a blank page). */
import type { Locale, SurveyDetail, SurveyTemplateList } from "@kexin/contracts";
import { Alert, App, Form, Input, Modal, Select, Tag } from "antd";
import { useEffect, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { listStores } from "../api/admin-api.ts";
import { ApiError } from "../api/client.ts";
import { createSurvey, listSurveyTemplates } from "../api/surveys-api.ts";
import { useApiData } from "../api/useApiData.ts";
import { useMe } from "../auth/useSession.ts";
import { useLocale } from "../i18n/useLocale.ts";
import { useErrorText } from "../layout/useErrorText.ts";
import { pickText } from "./localized-text.ts";
import { isStoreBound } from "./survey-access.ts";

type Template = SurveyTemplateList["items"][number];
interface Values {
  name: string;
  storeId?: string;
}

const BLANK = "blank";

function TemplateCard({ testId, title, description, meta, isSelected, onSelect }: {
  testId: string;
  title: string;
  description: string;
  meta: ReactNode;
  isSelected: boolean;
  onSelect(): void;
}) {
  return (
    <button
      type="button"
      className={`kexin-template-card${isSelected ? " is-selected" : ""}`}
      aria-pressed={isSelected}
      onClick={onSelect}
      data-testid={testId}
    >
      <span className="kexin-template-title">{title}</span>
      <span className="kexin-template-description">{description}</span>
      <span className="kexin-template-meta">{meta}</span>
    </button>
  );
}

export function NewSurveyModal({ open, onClose, onCreated }: { open: boolean; onClose(): void; onCreated(survey: SurveyDetail): void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const me = useMe();
  // Store staff create surveys for their own store; a survey for the whole organisation is not theirs to make.
  const isBound = isStoreBound(me.role);
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<Values>();
  const [templateKey, setTemplateKey] = useState<string>(BLANK);
  const [isCreating, setCreating] = useState(false);
  // The page mounts this dialog when it is first opened and keeps it, so these load once.
  const templates = useApiData(() => listSurveyTemplates(), []);
  const stores = useApiData(() => listStores(), []);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (isBound && me.stores[0]) form.setFieldValue("storeId", me.stores[0].id);
    setTemplateKey(BLANK);
  }, [open, form, isBound, me.stores]);

  const text = (value: Template["title"]) => pickText(value, locale, fallbackFor(locale));

  function choose(template: Template | undefined) {
    setTemplateKey(template?.key ?? BLANK);
    // A name the user has not typed follows the template chosen.
    if (!form.isFieldTouched("name")) form.setFieldValue("name", template ? text(template.title) : "");
  }

  async function create(values: Values) {
    setCreating(true);
    try {
      const survey = await createSurvey({
        name: values.name.trim(),
        storeId: values.storeId ?? null,
        templateKey: templateKey === BLANK ? undefined : templateKey,
        locale,
      });
      onCreated(survey);
    } catch (caught) {
      if (caught instanceof ApiError && caught.field === "name") form.setFields([{ name: "name", errors: [caught.message] }]);
      else void message.error(errorText(caught));
    } finally {
      setCreating(false);
    }
  }

  return (
    <Modal
      open={open}
      title={t("surveys.create.title")}
      width={860}
      okText={t("surveys.create.submit")}
      cancelText={t("common.cancel")}
      confirmLoading={isCreating}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
      okButtonProps={{ "data-testid": "survey-create-submit" } as Record<string, string>}
    >
      <Form<Values> form={form} layout="vertical" onFinish={(values) => void create(values)}>
        <div className="kexin-inline-fields">
          <Form.Item name="name" label={t("surveys.create.name")} rules={[{ required: true, whitespace: true, message: t("surveys.create.nameRequired") }]}>
            <Input maxLength={200} placeholder={t("surveys.create.namePlaceholder")} data-testid="survey-create-name" />
          </Form.Item>
          <Form.Item name="storeId" label={t("surveys.create.store")}>
            <Select
              allowClear={!isBound}
              placeholder={t("surveys.create.storePlaceholder")}
              loading={stores.isLoading}
              options={(stores.data ?? []).map((store) => ({ value: store.id, label: store.name }))}
              data-testid="survey-create-store"
            />
          </Form.Item>
        </div>
        <Form.Item label={t("surveys.create.startFrom")}>
          {Boolean(templates.error) && (
            <Alert type="warning" showIcon title={t("surveys.create.templatesFailed", { message: errorText(templates.error) })} style={{ marginBottom: 8 }} />
          )}
          <div className="kexin-template-grid" role="group" aria-label={t("surveys.create.startFrom")}>
            <TemplateCard
              testId="survey-template-blank"
              title={t("surveys.create.blank")}
              description={t("surveys.create.blankDescription")}
              meta={null}
              isSelected={templateKey === BLANK}
              onSelect={() => choose(undefined)}
            />
            {(templates.data?.items ?? []).map((template) => (
              <TemplateCard
                key={template.key}
                testId={`survey-template-${template.key}`}
                title={text(template.title)}
                description={text(template.description)}
                isSelected={templateKey === template.key}
                onSelect={() => choose(template)}
                meta={
                  <>
                    <span>{t("surveys.create.questionCount", { count: template.questionCount })}</span>
                    {template.measures.map((measure) => (
                      <Tag key={measure}>{t(`surveys.measures.${measure}`)}</Tag>
                    ))}
                  </>
                }
              />
            ))}
          </div>
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Templates are written in 简体中文 and English; 繁體 readers fall back to 简体 before English. */
function fallbackFor(locale: Locale): Locale[] {
  return locale === "en" ? ["en", "zh-CN", "zh-TW"] : [locale, "zh-CN", "zh-TW", "en"];
}
