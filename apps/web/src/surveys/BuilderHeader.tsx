/** The builder's top bar: name, status and version, save state, and the save / publish / settings actions. */
import { ArrowLeftOutlined, BarChartOutlined, CloudUploadOutlined, SaveOutlined, SendOutlined, SettingOutlined } from "@ant-design/icons";
import type { SurveyDetail } from "@kexin/contracts";
import { App, Badge, Button, Modal, Space, Tooltip, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { can } from "../auth/permissions.ts";
import { useMe } from "../auth/useSession.ts";
import { SurveyStatusTag } from "./SurveyStatusTag.tsx";

interface Props {
  survey: SurveyDetail;
  name: string;
  isDirty: boolean;
  isSaving: boolean;
  issueCount: number;
  isReadOnly: boolean;
  onSave(): void;
  onPublish(): Promise<boolean>;
  onOpenSettings(): void;
}

export function BuilderHeader({ survey, name, isDirty, isSaving, issueCount, isReadOnly, onSave, onPublish, onOpenSettings }: Props) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const { modal } = App.useApp();
  const [isConfirming, setConfirming] = useState(false);
  const [isPublishing, setPublishing] = useState(false);
  const nextVersion = (survey.currentVersion ?? 0) + 1;
  const hasNothingToPublish = survey.currentVersion !== null && !survey.hasUnpublishedChanges && !isDirty;

  /** Leaving for another page of the dashboard with unsaved changes asks first (the browser asks on reload). */
  function leave(path: string) {
    if (!isDirty) {
      void navigate(path);
      return;
    }
    modal.confirm({ title: t("surveys.builder.leaveWarning"), onOk: () => void navigate(path) });
  }

  async function publish() {
    setPublishing(true);
    const isDone = await onPublish();
    setPublishing(false);
    if (isDone) setConfirming(false);
  }

  return (
    <div className="kexin-builder-header">
      <div className="kexin-builder-heading">
        <Button type="text" icon={<ArrowLeftOutlined />} aria-label={t("surveys.builder.back")} onClick={() => leave("/surveys")} />
        <Typography.Title level={4} ellipsis={{ tooltip: name }} data-testid="builder-name">
          {name}
        </Typography.Title>
        <SurveyStatusTag status={survey.status} />
        <Typography.Text type="secondary" data-testid="builder-version">
          {survey.currentVersion === null ? t("surveys.list.unpublished") : t("surveys.list.versionNumber", { version: survey.currentVersion })}
          {survey.hasUnpublishedChanges && survey.currentVersion !== null && ` · ${t("surveys.builder.unpublishedChanges")}`}
        </Typography.Text>
        <span className="kexin-save-state" data-testid="builder-save-state" aria-live="polite">
          {isDirty ? <Badge status="warning" text={t("surveys.builder.unsaved")} /> : <Badge status="success" text={t("surveys.builder.allSaved")} />}
        </span>
        {issueCount > 0 && (
          <Badge status="error" text={t("surveys.builder.problems", { count: issueCount })} data-testid="builder-problems" />
        )}
      </div>
      <Space wrap>
        <Button icon={<SettingOutlined />} onClick={onOpenSettings} data-testid="builder-settings">
          {t("surveys.builder.settings")}
        </Button>
        {can(me.role, "survey.distribute") && (
          <Button icon={<SendOutlined />} onClick={() => leave(`/surveys/${survey.id}/distribute`)} data-testid="builder-distribute">
            {t("surveys.builder.distribute")}
          </Button>
        )}
        {can(me.role, "report.read") && (
          <Button icon={<BarChartOutlined />} onClick={() => leave(`/surveys/${survey.id}/report`)} data-testid="builder-report">
            {t("surveys.builder.report")}
          </Button>
        )}
        {!isReadOnly && (
          <>
            <Button icon={<SaveOutlined />} loading={isSaving} disabled={!isDirty} onClick={onSave} data-testid="builder-save">
              {t("surveys.builder.save")}
            </Button>
            <Tooltip title={hasNothingToPublish ? t("surveys.builder.nothingToPublish") : undefined}>
              <Button
                type="primary"
                icon={<CloudUploadOutlined />}
                disabled={hasNothingToPublish}
                onClick={() => setConfirming(true)}
                data-testid="builder-publish"
              >
                {t("surveys.builder.publish")}
              </Button>
            </Tooltip>
          </>
        )}
      </Space>
      <Modal
        open={isConfirming}
        title={t("surveys.builder.publishTitle")}
        okText={t("surveys.builder.publishConfirm")}
        cancelText={t("common.cancel")}
        confirmLoading={isPublishing}
        onOk={() => void publish()}
        onCancel={() => setConfirming(false)}
        okButtonProps={{ "data-testid": "builder-publish-confirm" } as Record<string, string>}
      >
        <p data-testid="builder-publish-body">{t("surveys.builder.publishBody", { version: nextVersion })}</p>
        {isDirty && <p>{t("surveys.builder.publishUnsavedNote")}</p>}
      </Modal>
    </div>
  );
}
