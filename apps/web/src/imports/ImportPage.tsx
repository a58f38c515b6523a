/**
 * Import customers or purchases from CSV/Excel: choose a file → check the column mapping (pre-filled from the
 * server's suggestion) → dry run listing every bad row → import, following the job's progress to its result.
 * Imports are all or nothing, so the import button waits for a clean dry run.
 */
import type { ImportKind, ImportMapping, ImportPreview, ImportReport } from "@kexin/contracts";
import { Alert, App, Button, Card, Progress, Radio, Result, Space, Steps, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client.ts";
import { dryRunImport, previewImport, startImport } from "../api/imports-api.ts";
import { PageTitle } from "../layout/PageTitle.tsx";
import { useErrorText } from "../layout/useErrorText.ts";
import { ColumnMapping } from "./ColumnMapping.tsx";
import { FilePicker } from "./FilePicker.tsx";
import { ImportErrorsTable } from "./ImportErrorsTable.tsx";
import { ImportResult } from "./ImportResult.tsx";
import { useFieldLabel } from "./useFieldLabel.ts";
import { useImportJob } from "./useImportJob.ts";

export default function ImportPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const fieldLabel = useFieldLabel();
  const [kind, setKind] = useState<ImportKind>("customers");
  const [file, setFile] = useState<File>();
  const [preview, setPreview] = useState<ImportPreview>();
  const [mapping, setMapping] = useState<ImportMapping>({});
  const [dryRun, setDryRun] = useState<ImportReport>();
  const [busy, setBusy] = useState<"preview" | "dry-run" | "start">();
  const [error, setError] = useState<unknown>();
  const [importId, setImportId] = useState<string>();
  const { job, error: jobError } = useImportJob(importId);

  function reset(nextKind = kind) {
    setKind(nextKind);
    setFile(undefined);
    setPreview(undefined);
    setMapping({});
    setDryRun(undefined);
    setError(undefined);
    setImportId(undefined);
  }

  async function choose(chosen: File | undefined) {
    reset();
    if (!chosen) return;
    setFile(chosen);
    setBusy("preview");
    try {
      const read = await previewImport(kind, chosen);
      setPreview(read);
      setMapping(read.suggestedMapping);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(undefined);
    }
  }

  const missing = preview?.fields.filter((field) => field.isRequired && !mapping[field.name]).map((field) => fieldLabel(field.name)) ?? [];

  async function runDryRun() {
    if (!file) return;
    setBusy("dry-run");
    setError(undefined);
    try {
      setDryRun(await dryRunImport(kind, file, mapping));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(undefined);
    }
  }

  async function runImport() {
    if (!file) return;
    setBusy("start");
    try {
      setImportId(await startImport(kind, file, mapping));
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 403) void message.error(t("errors.forbidden"));
      setError(caught);
    } finally {
      setBusy(undefined);
    }
  }

  const step = job && job.status === "succeeded" ? 4 : importId ? 3 : dryRun ? 2 : preview ? 1 : 0;
  const isRunning = Boolean(importId) && (!job || job.status === "running");
  const percent = job && job.totalRows > 0 ? Math.round((job.processedRows / job.totalRows) * 100) : 0;

  return (
    <>
      <PageTitle title={t("imports.title")} />
      <Card>
        <Steps
          current={step}
          style={{ marginBottom: 24 }}
          items={[{ title: t("imports.step1") }, { title: t("imports.step2") }, { title: t("imports.step3") }, { title: t("imports.step4") }]}
        />
        <Space wrap size="large" align="start" style={{ marginBottom: 16 }}>
          <Space orientation="vertical" size={4}>
            <Typography.Text type="secondary">{t("imports.kind")}</Typography.Text>
            <Radio.Group
              value={kind}
              disabled={isRunning}
              onChange={(event) => reset(event.target.value as ImportKind)}
              optionType="button"
              options={[
                { value: "customers", label: t("imports.kindCustomers") },
                { value: "transactions", label: t("imports.kindTransactions") },
              ]}
              data-testid="import-kind"
            />
          </Space>
          <FilePicker file={file} disabled={isRunning || busy === "preview"} onChange={(chosen) => void choose(chosen)} />
        </Space>

        {Boolean(error) && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} />}

        {preview && !importId && (
          <>
            <ColumnMapping
              preview={preview}
              mapping={mapping}
              onChange={(next) => {
                setMapping(next);
                setDryRun(undefined);
              }}
            />
            {missing.length > 0 && (
              <Alert type="warning" showIcon title={t("imports.missingRequired", { fields: missing.join("、") })} style={{ marginTop: 16 }} />
            )}
            <Space style={{ marginTop: 16 }}>
              <Button
                onClick={() => void runDryRun()}
                loading={busy === "dry-run"}
                disabled={missing.length > 0}
                data-testid="import-dry-run"
              >
                {t("imports.dryRun")}
              </Button>
              {dryRun && dryRun.errors.length === 0 && (
                <Button type="primary" onClick={() => void runImport()} loading={busy === "start"} data-testid="import-submit">
                  {t("imports.submit")}
                </Button>
              )}
            </Space>
          </>
        )}

        {dryRun && !importId && (
          <div style={{ marginTop: 16 }} data-testid="import-dry-run-report">
            {dryRun.errors.length === 0 ? (
              <Alert type="success" showIcon title={t("imports.dryRunOk", { valid: dryRun.validRows, total: dryRun.totalRows })} />
            ) : (
              <>
                <Alert type="error" showIcon title={t("imports.dryRunErrors", { count: dryRun.errors.length })} style={{ marginBottom: 12 }} />
                <ImportErrorsTable errors={dryRun.errors} />
              </>
            )}
          </div>
        )}

        {importId && (
          <div style={{ marginTop: 8 }}>
            {isRunning && (
              <>
                <Typography.Text>{t("imports.importing")}</Typography.Text>
                <Progress percent={percent} status="active" data-testid="import-progress" />
              </>
            )}
            {Boolean(jobError) && <Alert type="error" showIcon title={errorText(jobError)} />}
            {job && job.status !== "running" && <ImportResult job={job} onAgain={() => reset()} />}
          </div>
        )}
        {!preview && !error && busy !== "preview" && <Result status="info" icon={null} subTitle={t("imports.fileHint")} />}
      </Card>
    </>
  );
}
