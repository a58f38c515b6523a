/** Each store's complaint page (link, QR), business hours and SLA targets; only complaint.admin may save. */
import { DownloadOutlined, LinkOutlined, PlusOutlined, DeleteOutlined } from "@ant-design/icons";
import { COMPLAINT_SEVERITIES, CUSTOMER_TIERS, type ComplaintSettings } from "@kexin/contracts";
import { Alert, App, Button, Card, Checkbox, Col, Form, Image, Input, InputNumber, Row, Select, Space, TimePicker, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { listSurveys } from "../api/surveys-api.ts";
import { useApiData } from "../api/useApiData.ts";
import { can } from "../auth/permissions.ts";
import { useMe } from "../auth/useSession.ts";
import { useErrorText } from "../layout/useErrorText.ts";
import { downloadStoreQr, getComplaintSettings, listComplaintStoreLinks, runEscalation, saveComplaintSettings, storeQrUrl } from "./complaints-api.ts";

interface FormValues extends Omit<ComplaintSettings, "opensAt" | "closesAt" | "holidays" | "extraWorkdays"> {
  hours: [Dayjs, Dayjs];
  holidays: string;
  extraWorkdays: string;
}

const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
const lines = (text: string) => text.split(/[\s,，]+/).map((line) => line.trim()).filter(Boolean);

export function ComplaintSettingsPanel() {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const isAdmin = can(me.role, "complaint.admin");
  const [form] = Form.useForm<FormValues>();
  const [isSaving, setSaving] = useState(false);
  const { data: links, error: linksError } = useApiData(() => listComplaintStoreLinks(), []);
  const { data: settings } = useApiData(() => getComplaintSettings(), []);
  const { data: surveys } = useApiData(() => (can(me.role, "survey.read") ? listSurveys() : Promise.resolve(null)), []);

  useEffect(() => {
    if (!settings) return;
    form.setFieldsValue({
      ...settings,
      hours: [dayjs(`2000-01-01T${settings.opensAt === "24:00" ? "23:59" : settings.opensAt}`), dayjs(`2000-01-01T${settings.closesAt === "24:00" ? "23:59" : settings.closesAt}`)],
      holidays: settings.holidays.join("\n"),
      extraWorkdays: settings.extraWorkdays.join("\n"),
    });
  }, [settings, form]);

  async function save(values: FormValues) {
    setSaving(true);
    try {
      await saveComplaintSettings({
        timeZone: values.timeZone,
        workDays: values.workDays,
        opensAt: values.hours[0].format("HH:mm"),
        closesAt: values.hours[1].format("HH:mm"),
        holidays: lines(values.holidays ?? ""),
        extraWorkdays: lines(values.extraWorkdays ?? ""),
        recoverySurveyId: values.recoverySurveyId ?? null,
        staffKpiThresholdPercent: values.staffKpiThresholdPercent,
        policies: (values.policies ?? []).map((policy) => ({ ...policy, tier: policy.tier ?? null })),
      });
      message.success(t("complaints.settings.saved"));
    } catch (error) {
      message.error(errorText(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <Card title={t("complaints.settings.links")}>
        <Typography.Paragraph type="secondary">{t("complaints.settings.linksHint")}</Typography.Paragraph>
        {Boolean(linksError) && <Alert type="error" showIcon title={errorText(linksError)} />}
        <Row gutter={[16, 16]}>
          {links?.items.map((link) => (
            <Col key={link.storeId} xs={24} sm={12} lg={8}>
              <Card size="small" title={link.storeName} data-testid={`complaint-store-link-${link.storeId}`}>
                <Image src={storeQrUrl(link.storeId)} width={160} preview={false} alt={link.url} />
                <Typography.Paragraph copyable={{ text: link.url }} style={{ wordBreak: "break-all" }} data-testid="complaint-store-url">{link.url}</Typography.Paragraph>
                <Space wrap>
                  <Button size="small" icon={<LinkOutlined />} href={link.url} target="_blank">{t("complaints.settings.open")}</Button>
                  <Button size="small" icon={<DownloadOutlined />} onClick={() => downloadStoreQr(link.storeId, "svg")}>{t("complaints.settings.downloadSvg")}</Button>
                  <Button size="small" onClick={() => downloadStoreQr(link.storeId, "png")}>{t("complaints.settings.downloadPng")}</Button>
                </Space>
              </Card>
            </Col>
          ))}
        </Row>
      </Card>
      <Card
        title={t("complaints.settings.hours")}
        extra={isAdmin && (
          <Button onClick={() => runEscalation().then((result) => message.info(t("complaints.settings.escalationDone", result)), (error) => message.error(errorText(error)))}>
            {t("complaints.settings.runEscalation")}
          </Button>
        )}
      >
        <Form form={form} layout="vertical" onFinish={save} disabled={!isAdmin}>
          <Row gutter={16}>
            <Col xs={24} md={8}><Form.Item name="timeZone" label={t("complaints.settings.timeZone")}><Input /></Form.Item></Col>
            <Col xs={24} md={8}><Form.Item name="hours" label={`${t("complaints.settings.opensAt")} – ${t("complaints.settings.closesAt")}`}><TimePicker.RangePicker format="HH:mm" minuteStep={15} /></Form.Item></Col>
            <Col xs={24} md={8}><Form.Item name="staffKpiThresholdPercent" label={t("complaints.settings.threshold")}><InputNumber min={0} max={100} /></Form.Item></Col>
          </Row>
          <Form.Item name="workDays" label={t("complaints.settings.workDays")}>
            <Checkbox.Group options={WEEKDAYS.map((day, index) => ({ value: index + 1, label: t(`complaints.settings.weekdays.${day}`) }))} />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} md={12}><Form.Item name="holidays" label={t("complaints.settings.holidays")} extra={t("complaints.settings.datesHint")}><Input.TextArea rows={3} /></Form.Item></Col>
            <Col xs={24} md={12}><Form.Item name="extraWorkdays" label={t("complaints.settings.extraWorkdays")} extra={t("complaints.settings.datesHint")}><Input.TextArea rows={3} /></Form.Item></Col>
          </Row>
          <Form.Item name="recoverySurveyId" label={t("complaints.settings.recoverySurvey")}>
            <Select allowClear placeholder={t("complaints.settings.recoveryDefault")} options={(surveys?.items ?? []).filter((survey) => survey.status === "live").map((survey) => ({ value: survey.id, label: survey.name }))} />
          </Form.Item>
          <Typography.Title level={5}>{t("complaints.settings.policies")}</Typography.Title>
          <Typography.Paragraph type="secondary">{t("complaints.settings.defaultsHint")}</Typography.Paragraph>
          <Form.List name="policies">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Space key={field.key} wrap align="baseline" style={{ display: "flex" }}>
                    <Form.Item name={[field.name, "severity"]} rules={[{ required: true }]}>
                      <Select style={{ width: 100 }} options={COMPLAINT_SEVERITIES.map((value) => ({ value, label: t(`complaints.severities.${value}`) }))} />
                    </Form.Item>
                    <Form.Item name={[field.name, "tier"]}>
                      <Select style={{ width: 130 }} allowClear placeholder={t("complaints.settings.anyTier")} options={CUSTOMER_TIERS.map((value) => ({ value, label: t(`value.tiers.${value}`) }))} />
                    </Form.Item>
                    <Form.Item name={[field.name, "firstResponseMinutes"]} rules={[{ required: true }]}>
                      <InputNumber min={1} addonAfter={t("complaints.settings.firstResponseMinutes")} />
                    </Form.Item>
                    <Form.Item name={[field.name, "resolutionMinutes"]} rules={[{ required: true }]}>
                      <InputNumber min={1} addonAfter={t("complaints.settings.resolutionMinutes")} />
                    </Form.Item>
                    <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} />
                  </Space>
                ))}
                <div>
                  <Button icon={<PlusOutlined />} onClick={() => add({ severity: "high", tier: null, firstResponseMinutes: 60, resolutionMinutes: 480 })}>
                    {t("complaints.settings.addPolicy")}
                  </Button>
                </div>
              </>
            )}
          </Form.List>
          {isAdmin && (
            <Button type="primary" htmlType="submit" loading={isSaving} style={{ marginTop: 16, display: "block" }}>
              {t("complaints.settings.save")}
            </Button>
          )}
        </Form>
      </Card>
    </Space>
  );
}
