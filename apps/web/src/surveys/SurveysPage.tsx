/** The survey list: status, version and answers of each survey, what the role may do with it, and new surveys. */
import { BarChartOutlined, CopyOutlined, EditOutlined, EyeOutlined, PlusOutlined, SendOutlined, StopOutlined, UndoOutlined } from "@ant-design/icons";
import type { SurveySummary } from "@kexin/contracts";
import { Alert, App, Button, Popconfirm, Space, Table, Tooltip, type TableProps } from "antd";
import { useMemo, useState, type HTMLAttributes } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";
import { listStores } from "../api/admin-api.ts";
import { closeSurvey, duplicateSurvey, listSurveys, reopenSurvey } from "../api/surveys-api.ts";
import { useApiData } from "../api/useApiData.ts";
import { can } from "../auth/permissions.ts";
import { useMe } from "../auth/useSession.ts";
import { formatDateTime, formatNumber } from "../i18n/format.ts";
import { useLocale } from "../i18n/useLocale.ts";
import { PageTitle } from "../layout/PageTitle.tsx";
import { useErrorText } from "../layout/useErrorText.ts";
import { pickText } from "./localized-text.ts";
import { NewSurveyModal } from "./NewSurveyModal.tsx";
import { mayChangeSurvey } from "./survey-access.ts";
import { SurveyStatusTag } from "./SurveyStatusTag.tsx";
import "./surveys.css";

export default function SurveysPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [reloads, setReloads] = useState(0);
  const { data, error, isLoading } = useApiData(() => listSurveys(), [reloads]);
  const stores = useApiData(() => listStores(), []);
  const storeNames = useMemo(() => new Map((stores.data ?? []).map((store) => [store.id, store.name])), [stores.data]);
  const [isCreating, setCreating] = useState(false);
  const [hasOpenedCreate, setOpenedCreate] = useState(false);
  const [busyId, setBusyId] = useState<string>();
  const mayWrite = can(me.role, "survey.write");
  const mayDistribute = can(me.role, "survey.distribute");
  const mayReport = can(me.role, "report.read");

  async function act(survey: SurveySummary, action: "duplicate" | "close" | "reopen") {
    setBusyId(survey.id);
    try {
      if (action === "duplicate") {
        const copy = await duplicateSurvey(survey.id);
        void message.success(t("surveys.list.duplicated", { name: copy.name }));
      } else if (action === "close") {
        await closeSurvey(survey.id);
        void message.success(t("surveys.list.closed"));
      } else {
        await reopenSurvey(survey.id);
        void message.success(t("surveys.list.reopened"));
      }
      setReloads((count) => count + 1);
    } catch (caught) {
      void message.error(errorText(caught));
    } finally {
      setBusyId(undefined);
    }
  }

  const columns: TableProps<SurveySummary>["columns"] = [
    {
      key: "name",
      title: t("surveys.list.name"),
      render: (_, survey) => {
        const title = pickText(survey.title, locale);
        return (
          <div className="kexin-survey-name-cell">
            <Link to={`/surveys/${survey.id}/edit`}>{survey.name}</Link>
            {title && title !== survey.name && <small>{title}</small>}
          </div>
        );
      },
    },
    { key: "status", title: t("surveys.list.status"), dataIndex: "status", width: 110, render: (status: SurveySummary["status"]) => <SurveyStatusTag status={status} /> },
    {
      key: "version",
      title: t("surveys.list.version"),
      dataIndex: "currentVersion",
      width: 120,
      render: (version: number | null) => (version === null ? t("surveys.list.unpublished") : t("surveys.list.versionNumber", { version })),
    },
    {
      key: "store",
      title: t("surveys.list.store"),
      dataIndex: "storeId",
      width: 140,
      render: (storeId: string | null) => (storeId ? (storeNames.get(storeId) ?? "—") : t("surveys.list.wholeOrganisation")),
    },
    {
      key: "responses",
      title: t("surveys.list.responses"),
      dataIndex: "responseCount",
      align: "right",
      width: 90,
      render: (count: number) => formatNumber(locale, count),
    },
    { key: "updatedAt", title: t("surveys.list.updatedAt"), dataIndex: "updatedAt", width: 190, render: (at: string) => formatDateTime(locale, at) },
    {
      key: "actions",
      title: t("common.actions"),
      width: 390,
      render: (_, survey) => {
        const mayChange = mayChangeSurvey(me.role, survey.storeId);
        return (
          <Space size={0} wrap>
            <Button type="link" size="small" icon={mayChange ? <EditOutlined /> : <EyeOutlined />} onClick={() => void navigate(`/surveys/${survey.id}/edit`)} data-testid={`survey-edit-${survey.id}`}>
              {mayChange ? t("surveys.list.edit") : t("surveys.list.view")}
            </Button>
            {mayDistribute && (
              <Button type="link" size="small" icon={<SendOutlined />} onClick={() => void navigate(`/surveys/${survey.id}/distribute`)} data-testid={`survey-distribute-${survey.id}`}>
                {t("surveys.list.distribute")}
              </Button>
            )}
            {mayReport && (
              <Button type="link" size="small" icon={<BarChartOutlined />} onClick={() => void navigate(`/surveys/${survey.id}/report`)} data-testid={`survey-report-${survey.id}`}>
                {t("surveys.list.report")}
              </Button>
            )}
            {mayWrite && (
              <Tooltip title={t("surveys.list.duplicate")}>
                <Button
                  type="link"
                  size="small"
                  icon={<CopyOutlined />}
                  aria-label={t("surveys.list.duplicate")}
                  loading={busyId === survey.id}
                  onClick={() => void act(survey, "duplicate")}
                  data-testid={`survey-duplicate-${survey.id}`}
                />
              </Tooltip>
            )}
            {mayChange && survey.status === "live" && (
              <Popconfirm title={t("surveys.list.closeConfirm")} onConfirm={() => act(survey, "close")} okButtonProps={{ danger: true }}>
                <Button type="link" size="small" danger icon={<StopOutlined />} data-testid={`survey-close-${survey.id}`}>
                  {t("surveys.list.close")}
                </Button>
              </Popconfirm>
            )}
            {mayChange && survey.status === "closed" && (
              <Button type="link" size="small" icon={<UndoOutlined />} onClick={() => void act(survey, "reopen")} data-testid={`survey-reopen-${survey.id}`}>
                {t("surveys.list.reopen")}
              </Button>
            )}
          </Space>
        );
      },
    },
  ];

  return (
    <>
      <PageTitle
        title={t("surveys.title")}
        extra={
          mayWrite && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => {
                setCreating(true);
                setOpenedCreate(true);
              }}
              data-testid="survey-new"
            >
              {t("surveys.list.newSurvey")}
            </Button>
          )
        }
      />
      {Boolean(error) && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} />}
      <Table<SurveySummary>
        rowKey="id"
        size="middle"
        loading={isLoading}
        columns={columns}
        dataSource={data?.items ?? []}
        onRow={(survey) => ({ "data-testid": `survey-row-${survey.id}` }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: t("surveys.list.empty") }}
        scroll={{ x: 1250 }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
      />
      {hasOpenedCreate && (
        <NewSurveyModal
          open={isCreating}
          onClose={() => setCreating(false)}
          onCreated={(survey) => {
            setCreating(false);
            void message.success(t("surveys.create.created"));
            void navigate(`/surveys/${survey.id}/edit`);
          }}
        />
      )}
    </>
  );
}
