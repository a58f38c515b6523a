/** One customer: the record on the left, the timeline and a form to add to it on the right. */
import { ArrowLeftOutlined, EditOutlined, InboxOutlined, UndoOutlined } from "@ant-design/icons";
import type { Customer } from "@kexin/contracts";
import { Alert, App, Button, Card, Col, Popconfirm, Row, Space, Tag, Typography } from "antd";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { archiveCustomer, getCustomer, restoreCustomer } from "../api/customers-api.ts";
import { can } from "../auth/permissions.ts";
import { useMe } from "../auth/useSession.ts";
import { PageSpinner } from "../layout/PageSpinner.tsx";
import { useErrorText } from "../layout/useErrorText.ts";
import { ServiceFiguresCard } from "../plans/ServiceFiguresCard.tsx";
import { CustomerComplaintsCard } from "../complaints/CustomerComplaintsCard.tsx";
import { CustomerOpenTasks } from "../tasks/CustomerOpenTasks.tsx";
import { CustomerTierCard } from "../value/CustomerTierCard.tsx";
import { CustomerFormModal } from "./CustomerFormModal.tsx";
import { CustomerProfile } from "./CustomerProfile.tsx";
import { CustomerTimeline } from "./CustomerTimeline.tsx";
import { InteractionForm } from "./InteractionForm.tsx";
import { PrivacyActions } from "./PrivacyActions.tsx";
import { useTimeline } from "./useTimeline.ts";
import { PreviewGreetingButton } from "../greetings/PreviewGreetingButton.tsx";

export default function CustomerPage() {
  const { customerId = "" } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [customer, setCustomer] = useState<Customer>();
  const [error, setError] = useState<unknown>();
  const [isEditing, setEditing] = useState(false);
  const [isChangingStatus, setChangingStatus] = useState(false);
  const timeline = useTimeline(customerId);
  const [taskChanges, setTaskChanges] = useState(0);

  const load = useCallback(() => {
    getCustomer(customerId)
      .then((data) => {
        setCustomer(data);
        setError(undefined);
      })
      .catch((caught: unknown) => setError(caught));
  }, [customerId]);
  useEffect(load, [load]);

  if (error && !customer) return <Alert type="error" showIcon title={errorText(error)} action={<Link to="/customers">{t("customer.back")}</Link>} />;
  if (!customer) return <PageSpinner />;

  const isArchived = customer.status === "archived";
  async function changeStatus() {
    setChangingStatus(true);
    try {
      await (isArchived ? restoreCustomer(customerId) : archiveCustomer(customerId));
      void message.success(isArchived ? t("customer.restoredDone") : t("customer.archivedDone"));
      load();
    } catch (caught) {
      void message.error(errorText(caught));
    } finally {
      setChangingStatus(false);
    }
  }

  return (
    <>
      <Link to="/customers">
        <ArrowLeftOutlined /> {t("customer.back")}
      </Link>
      <div className="kexin-page-title" style={{ marginTop: 8 }}>
        <Space align="center" wrap>
          <Typography.Title level={3} data-testid="customer-name">
            {customer.name}
          </Typography.Title>
          {isArchived && <Tag>{t("customer.archived")}</Tag>}
          {customer.isErased && <Tag color="red">{t("customer.erased")}</Tag>}
        </Space>
        <Space wrap>
          {!customer.isErased && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="customer-edit">
              {t("common.edit")}
            </Button>
          )}
          {can(me.role, "customer.delete") &&
            (isArchived ? (
              <Button icon={<UndoOutlined />} loading={isChangingStatus} onClick={() => void changeStatus()} data-testid="customer-restore">
                {t("customer.restore")}
              </Button>
            ) : (
              <Popconfirm title={t("customer.archiveConfirm")} okText={t("common.confirm")} cancelText={t("common.cancel")} onConfirm={() => changeStatus()}>
                <Button icon={<InboxOutlined />} loading={isChangingStatus} data-testid="customer-archive">
                  {t("customer.archive")}
                </Button>
              </Popconfirm>
            ))}
          {can(me.role, "greeting.read") && !customer.isErased && <PreviewGreetingButton customerId={customer.id} customerName={customer.name} />}
          <PrivacyActions customer={customer} onErased={() => { load(); timeline.reload(); }} />
        </Space>
      </div>
      {isArchived && <Alert type="info" showIcon title={t("customer.archivedNotice")} style={{ marginBottom: 16 }} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
            <CustomerProfile customer={customer} />
            {can(me.role, "value.read") && <CustomerTierCard customerId={customer.id} onChanged={timeline.reload} />}
          </Space>
        </Col>
        <Col xs={24} xl={14}>
          <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
            <CustomerOpenTasks customerId={customer.id} onChanged={() => { timeline.reload(); setTaskChanges((count) => count + 1); }} />
            {can(me.role, "complaint.read") && <CustomerComplaintsCard customerId={customer.id} />}
            {customer.kind === "company" && <ServiceFiguresCard customerId={customer.id} reloads={taskChanges} />}
            {!customer.isErased && (
              <Card title={t("interaction.title")} size="small">
                <InteractionForm customerId={customer.id} onAdded={timeline.reload} />
              </Card>
            )}
            <Card title={t("timeline.title")} size="small">
              <CustomerTimeline timeline={timeline} />
            </Card>
          </Space>
        </Col>
      </Row>
      <CustomerFormModal
        open={isEditing}
        customer={customer}
        onClose={() => setEditing(false)}
        onSaved={(saved) => {
          setEditing(false);
          setCustomer(saved);
          void message.success(t("common.saved"));
        }}
      />
    </>
  );
}
