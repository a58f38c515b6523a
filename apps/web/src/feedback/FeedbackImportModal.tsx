/**
 * Import feedback from CSV/Excel: choose a file → check it (a dry run listing every bad row by line and field) →
 * import. Imports are all or nothing, so the import button waits for a clean check.
 */
import { FEEDBACK_IMPORT_FIELDS, type FeedbackImportReport, type ImportRowError } from "@kexin/contracts";
import { Alert, App, Button, Modal, Space, Table, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { importFeedback } from "../api/feedback-api.ts";
import { FilePicker } from "../imports/FilePicker.tsx";
import { useErrorText } from "../layout/useErrorText.ts";

type Field = (typeof FEEDBACK_IMPORT_FIELDS)[number];
const isField = (field: string | undefined): field is Field => (FEEDBACK_IMPORT_FIELDS as readonly string[]).includes(field ?? "");

export function FeedbackImportModal({ open, onClose, onImported }: {
  open: boolean;
  onClose(): void;
  onImported(report: FeedbackImportReport): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [file, setFile] = useState<File>();
  const [report, setReport] = useState<FeedbackImportReport>();
  const [busy, setBusy] = useState<"check" | "import">();
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    if (!open) return;
    setFile(undefined);
    setReport(undefined);
    setError(undefined);
  }, [open]);

  async function run(isDryRun: boolean) {
    if (!file) return;
    setBusy(isDryRun ? "check" : "import");
    setError(undefined);
    try {
      const result = await importFeedback(file, isDryRun);
      setReport(result);
      if (!isDryRun && result.errors.length === 0) {
        void message.success(t("feedback.importer.done", { created: result.created, skipped: result.skipped }));
        onImported(result);
      }
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(undefined);
    }
  }

  const isClean = report?.isDryRun && report.errors.length === 0;
  const fieldLabel = (field: string | undefined) => (isField(field) ? t(`feedback.importer.fields.${field}`) : (field ?? "—"));

  return (
    <Modal
      open={open}
      title={t("feedback.importer.title")}
      width={720}
      onCancel={onClose}
      footer={
        <Space>
          <Button onClick={onClose}>{t("common.cancel")}</Button>
          <Button disabled={!file} loading={busy === "check"} onClick={() => void run(true)} data-testid="feedback-import-check">
            {t("feedback.importer.check")}
          </Button>
          <Button type="primary" disabled={!isClean} loading={busy === "import"} onClick={() => void run(false)} data-testid="feedback-import-submit">
            {t("feedback.importer.submit")}
          </Button>
        </Space>
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t("feedback.importer.hint")}
        </Typography.Paragraph>
        <FilePicker
          file={file}
          disabled={Boolean(busy)}
          onChange={(chosen) => {
            setFile(chosen);
            setReport(undefined);
            setError(undefined);
          }}
        />
        {Boolean(error) && <Alert type="error" showIcon title={errorText(error)} />}
        {report && (
          <Alert
            type={report.errors.length > 0 ? "warning" : "success"}
            showIcon
            data-testid="feedback-import-report"
            title={t("feedback.importer.summary", {
              total: report.totalRows,
              valid: report.validRows,
              create: report.validRows - report.skipped,
              skipped: report.skipped,
              linked: report.linkedToCustomer,
            })}
            description={report.errors.length > 0 ? t("feedback.importer.errors", { count: report.errors.length }) : t("feedback.importer.clean")}
          />
        )}
        {report && report.errors.length > 0 && (
          <Table<ImportRowError & { key: number }>
            size="small"
            data-testid="feedback-import-errors"
            dataSource={report.errors.map((row, index) => ({ ...row, key: index }))}
            pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
            columns={[
              { key: "line", title: t("feedback.importer.line"), dataIndex: "line", width: 80 },
              { key: "field", title: t("feedback.importer.field"), dataIndex: "field", width: 120, render: fieldLabel },
              { key: "reason", title: t("feedback.importer.reason"), dataIndex: "message" },
            ]}
          />
        )}
      </Space>
    </Modal>
  );
}
