/**
 * One complaint: its timers, what the customer said, replies (email or a call recorded), internal notes, assignment
 * and triage, escalation history, resolution with compensation, closing (which sends the recovery survey) and
 * reopening. The customer's words are shown as text, never as markup.
 */
import { ArrowLeftOutlined } from "@ant-design/icons";
import { COMPLAINT_CATEGORIES, COMPLAINT_SEVERITIES, CompensationKind, type Complaint, type ComplaintReplyChannel, type User } from "@kexin/contracts";
import { Alert, App, Button, Card, Col, Descriptions, Form, Input, InputNumber, Modal, Row, Select, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { listUsers } from "../api/admin-api.ts";
import { useApiData } from "../api/useApiData.ts";
import { can } from "../auth/permissions.ts";
import { useMe } from "../auth/useSession.ts";
import { formatDateTime, formatMoney } from "../i18n/format.ts";
import { useLocale } from "../i18n/useLocale.ts";
import { PageSpinner } from "../layout/PageSpinner.tsx";
import { useErrorText } from "../layout/useErrorText.ts";
import { testId } from "./ComplaintFormModal.tsx";
import { ComplaintHistory } from "./ComplaintHistory.tsx";
import {
  addComplaintNote,
  closeComplaint,
  getComplaint,
  reopenComplaint,
  replyToComplaint,
  resolveComplaint,
  startComplaint,
  updateComplaint,
} from "./complaints-api.ts";
import { ComplaintStatusTag, SeverityTag, SlaBadge, useDurationText } from "./SlaBadge.tsx";

export default function ComplaintPage() {
  const { complaintId = "" } = useParams();
  const { t } = useTranslation();
  const { locale } = useLocale();
  const me = useMe();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const duration = useDurationText();
  const [version, setVersion] = useState(0);
  const [current, setCurrent] = useState<Complaint>();
  const { data, error } = useApiData(() => getComplaint(complaintId).then((loaded) => (setCurrent(loaded), loaded)), [complaintId, version]);
  const { data: users } = useApiData<User[]>(() => (can(me.role, "user.read") ? listUsers() : Promise.resolve([])), []);
  const [reply, setReply] = useState("");
  const [replyChannel, setReplyChannel] = useState<ComplaintReplyChannel>("email");
  const [note, setNote] = useState("");
  const [isBusy, setBusy] = useState(false);
  const [isResolving, setResolving] = useState(false);
  const [isReopening, setReopening] = useState(false);
  const [resolveForm] = Form.useForm();
  const [reopenForm] = Form.useForm();
  const canWrite = can(me.role, "complaint.write");

  const complaint = current ?? data;
  if (error && !complaint) return <Alert type="error" showIcon title={errorText(error)} />;
  if (!complaint) return <PageSpinner />;

  async function act(work: () => Promise<Complaint>, success?: string) {
    setBusy(true);
    try {
      setCurrent(await work());
      if (success) message.success(success);
      return true;
    } catch (caught) {
      message.error(errorText(caught));
      setVersion((value) => value + 1);
      return false;
    } finally {
      setBusy(false);
    }
  }
  const isUnfinished = complaint.status === "open" || complaint.status === "in_progress";
  const escalations = complaint.events.filter((event) => event.kind === "escalated");
  const activeUsers = (users ?? []).filter((user) => !user.isDisabled);

  return (
    <>
      <Link to="/complaints"><ArrowLeftOutlined /> {t("complaints.detail.back")}</Link>
      <Space wrap align="center" style={{ margin: "12px 0", width: "100%", justifyContent: "space-between" }}>
        <Space wrap align="center">
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="complaint-number">{complaint.number}</Typography.Title>
          <Typography.Title level={4} style={{ margin: 0 }}>{complaint.subject}</Typography.Title>
          <ComplaintStatusTag status={complaint.status} />
          <SeverityTag severity={complaint.severity} />
          {complaint.escalationLevel > 0 && <Tag color="magenta" data-testid="complaint-escalation-level">{t("complaints.escalatedLevel", { level: complaint.escalationLevel })}</Tag>}
        </Space>
        {canWrite && (
          <Space wrap>
            {complaint.status === "open" && (
              <Button loading={isBusy} onClick={() => act(() => startComplaint(complaint.id))} data-testid="complaint-start">{t("complaints.detail.start")}</Button>
            )}
            {isUnfinished && (
              <Button type="primary" onClick={() => setResolving(true)} data-testid="complaint-resolve">{t("complaints.detail.resolve")}</Button>
            )}
            {complaint.status === "resolved" && (
              <Button type="primary" loading={isBusy} onClick={() => act(() => closeComplaint(complaint.id))} data-testid="complaint-close">{t("complaints.detail.close")}</Button>
            )}
            {!isUnfinished && (
              <Button onClick={() => setReopening(true)} data-testid="complaint-reopen">{t("complaints.detail.reopen")}</Button>
            )}
          </Space>
        )}
      </Space>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Card title={t("complaints.detail.body")} style={{ marginBottom: 16 }}>
            <Typography.Paragraph style={{ whiteSpace: "pre-wrap" }} data-testid="complaint-body">{complaint.body}</Typography.Paragraph>
          </Card>
          {canWrite && (
            <Card style={{ marginBottom: 16 }}>
              <Space orientation="vertical" style={{ width: "100%" }}>
                <Input.TextArea rows={3} value={reply} onChange={(event) => setReply(event.target.value)} placeholder={t("complaints.detail.replyPlaceholder")} data-testid="complaint-reply-body" />
                <Space wrap>
                  <Select<ComplaintReplyChannel>
                    style={{ width: 120 }}
                    value={replyChannel}
                    onChange={setReplyChannel}
                    options={(["email", "phone", "in_person", "wechat"] as const).map((value) => ({ value, label: t(`complaints.replyChannels.${value}`), disabled: value === "email" && !complaint.contactEmail }))}
                    data-testid="complaint-reply-channel"
                  />
                  <Button
                    type="primary"
                    disabled={!reply.trim()}
                    loading={isBusy}
                    data-testid="complaint-reply-send"
                    onClick={async () => {
                      if (await act(() => replyToComplaint(complaint.id, { body: reply, channel: complaint.contactEmail ? replyChannel : replyChannel === "email" ? "phone" : replyChannel }), t("complaints.detail.replySent"))) setReply("");
                    }}
                  >
                    {t("complaints.detail.sendReply")}
                  </Button>
                </Space>
                <Input.TextArea rows={2} value={note} onChange={(event) => setNote(event.target.value)} placeholder={t("complaints.detail.notePlaceholder")} data-testid="complaint-note-body" />
                <Button disabled={!note.trim()} loading={isBusy} data-testid="complaint-note-add" onClick={async () => { if (await act(() => addComplaintNote(complaint.id, note))) setNote(""); }}>
                  {t("complaints.detail.addNote")}
                </Button>
              </Space>
            </Card>
          )}
          <Card title={t("complaints.detail.history")}>
            <ComplaintHistory complaint={complaint} />
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <Card title={t("complaints.detail.timers")} style={{ marginBottom: 16 }}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t("complaints.detail.firstResponse")}>
                <Space orientation="vertical" size={0}>
                  <SlaBadge timer={complaint.firstResponse} testId="complaint-first-response" />
                  <Typography.Text type="secondary">{t("complaints.detail.target", { time: duration(complaint.firstResponse.targetMinutes) })} · {formatDateTime(locale, complaint.firstResponse.dueAt)}</Typography.Text>
                </Space>
              </Descriptions.Item>
              <Descriptions.Item label={t("complaints.detail.resolution")}>
                <Space orientation="vertical" size={0}>
                  <SlaBadge timer={complaint.resolution} testId="complaint-resolution" />
                  <Typography.Text type="secondary">{t("complaints.detail.target", { time: duration(complaint.resolution.targetMinutes) })} · {formatDateTime(locale, complaint.resolution.dueAt)}</Typography.Text>
                </Space>
              </Descriptions.Item>
              <Descriptions.Item label={t("complaints.detail.escalations")}>
                {escalations.length === 0 ? t("complaints.detail.noEscalations") : (
                  <Space orientation="vertical" size={0} data-testid="complaint-escalations">
                    {escalations.map((event) => (
                      <Typography.Text key={event.id}>{t("complaints.events.escalated", { level: event.level, recipients: event.recipients.join(", ") })} · {formatDateTime(locale, event.createdAt)}</Typography.Text>
                    ))}
                  </Space>
                )}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card title={t("complaints.detail.triage")} style={{ marginBottom: 16 }}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t("complaints.detail.customer")}>
                {complaint.customerId ? <Link to={`/customers/${complaint.customerId}`}>{complaint.customerName}</Link> : complaint.contactName ?? t("complaints.anonymous")}
                {complaint.customerTier && <Tag style={{ marginLeft: 8 }}>{t(`value.tiers.${complaint.customerTier}`)}</Tag>}
              </Descriptions.Item>
              <Descriptions.Item label={t("complaints.detail.contact")}>{[complaint.contactEmail, complaint.contactPhone].filter(Boolean).join(" · ") || "—"}</Descriptions.Item>
              <Descriptions.Item label={t("complaints.detail.store")}>{complaint.storeName ?? t("complaints.noStore")}</Descriptions.Item>
              <Descriptions.Item label={t("complaints.detail.staff")}>{complaint.staffName ?? "—"}</Descriptions.Item>
              <Descriptions.Item label={t("complaints.detail.channel")}>{t(`complaints.channels.${complaint.channel}`)}</Descriptions.Item>
              <Descriptions.Item label={t("complaints.detail.createdAt")}>{formatDateTime(locale, complaint.createdAt)}</Descriptions.Item>
            </Descriptions>
            <Space orientation="vertical" style={{ width: "100%" }}>
              <Select
                style={{ width: "100%" }}
                disabled={!canWrite}
                allowClear
                value={complaint.assigneeId ?? undefined}
                placeholder={`${t("complaints.detail.assignee")}: ${t("complaints.unassigned")}`}
                options={activeUsers.map((user) => ({ value: user.id, label: `${t("complaints.detail.assignee")}: ${user.name}` }))}
                onChange={(assigneeId) => act(() => updateComplaint(complaint.id, { assigneeId: assigneeId ?? null }), t("complaints.detail.saved"))}
                data-testid="complaint-assignee"
              />
              <Select style={{ width: "100%" }} disabled={!canWrite} value={complaint.severity}
                options={COMPLAINT_SEVERITIES.map((value) => ({ value, label: `${t("complaints.form.severity")}: ${t(`complaints.severities.${value}`)}` }))}
                onChange={(severity) => act(() => updateComplaint(complaint.id, { severity }), t("complaints.detail.saved"))} />
              <Select style={{ width: "100%" }} disabled={!canWrite} value={complaint.category}
                options={COMPLAINT_CATEGORIES.map((value) => ({ value, label: `${t("complaints.form.category")}: ${t(`complaints.categories.${value}`)}` }))}
                onChange={(category) => act(() => updateComplaint(complaint.id, { category }), t("complaints.detail.saved"))} />
            </Space>
          </Card>
          {(complaint.resolutionNote || complaint.recoverySurvey) && (
            <Card title={t("complaints.detail.resolution_")} data-testid="complaint-resolution-card">
              <Descriptions column={1} size="small">
                {complaint.resolutionNote && <Descriptions.Item label={t("complaints.detail.resolveNote")}>{complaint.resolutionNote}</Descriptions.Item>}
                <Descriptions.Item label={t("complaints.detail.compensation")}>
                  {complaint.compensation
                    ? [t(`complaints.compensationKinds.${complaint.compensation.kind}`), complaint.compensation.amount !== null ? formatMoney(locale, complaint.compensation.amount) : null, complaint.compensation.note].filter(Boolean).join(" · ")
                    : t("complaints.detail.noCompensation")}
                </Descriptions.Item>
                {complaint.recoverySurvey && (
                  <Descriptions.Item label={t("complaints.detail.recoverySurvey")}>
                    <Tag color={complaint.recoverySurvey.status === "sent" || complaint.recoverySurvey.status === "answered" ? "green" : complaint.recoverySurvey.status === "skipped" ? "default" : "orange"} data-testid="complaint-recovery-status">
                      {t(`complaints.detail.recoveryStatuses.${complaint.recoverySurvey.status}`)}
                    </Tag>
                    {complaint.recoverySurvey.reason}
                  </Descriptions.Item>
                )}
              </Descriptions>
            </Card>
          )}
        </Col>
      </Row>
      <Modal open={isResolving} title={t("complaints.detail.resolveTitle")} onCancel={() => setResolving(false)} onOk={() => resolveForm.submit()} okButtonProps={{ loading: isBusy, ...testId("complaint-resolve-submit") }} destroyOnHidden>
        <Form
          form={resolveForm}
          layout="vertical"
          onFinish={async (values: { note: string; kind?: CompensationKind; amount?: number; compensationNote?: string }) => {
            const compensation = values.kind ? { kind: values.kind, amount: values.amount ?? null, note: values.compensationNote || null } : null;
            if (await act(() => resolveComplaint(complaint.id, { note: values.note, compensation }), t("complaints.detail.done"))) setResolving(false);
          }}
        >
          <Form.Item name="note" label={t("complaints.detail.resolveNote")} rules={[{ required: true }]}>
            <Input.TextArea rows={3} data-testid="complaint-resolve-note" />
          </Form.Item>
          <Form.Item name="kind" label={t("complaints.detail.compensationKind")}>
            <Select allowClear placeholder={t("complaints.detail.noCompensation")} options={CompensationKind.options.map((value) => ({ value, label: t(`complaints.compensationKinds.${value}`) }))} data-testid="complaint-compensation-kind" />
          </Form.Item>
          <Form.Item name="amount" label={t("complaints.detail.compensationAmount")}>
            <InputNumber min={0} precision={2} style={{ width: "100%" }} data-testid="complaint-compensation-amount" />
          </Form.Item>
          <Form.Item name="compensationNote" label={t("complaints.detail.compensationNote")}>
            <Input maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal open={isReopening} title={t("complaints.detail.reopen")} onCancel={() => setReopening(false)} onOk={() => reopenForm.submit()} destroyOnHidden>
        <Form form={reopenForm} layout="vertical" onFinish={async (values: { reason: string }) => { if (await act(() => reopenComplaint(complaint.id, values))) setReopening(false); }}>
          <Form.Item name="reason" label={t("complaints.detail.reopenReason")} rules={[{ required: true }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
