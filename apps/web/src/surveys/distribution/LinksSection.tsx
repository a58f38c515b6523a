/** A survey's public and kiosk links: address with copy, answers so far, on/off, QR code and printable card. */
import { PlusOutlined, PrinterOutlined } from "@ant-design/icons";
import type { Store, SurveyDetail, SurveyLink } from "@kexin/contracts";
import { Alert, App, Button, Card, Switch, Table, Tag, Typography, type TableProps } from "antd";
import { useMemo, useState, type HTMLAttributes } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { linkQrSvgUrl, linkUrl, listSurveyLinks, updateSurveyLink } from "../../api/distribution-api.ts";
import { useApiData } from "../../api/useApiData.ts";
import { formatNumber } from "../../i18n/format.ts";
import { useLocale } from "../../i18n/useLocale.ts";
import { useErrorText } from "../../layout/useErrorText.ts";
import { CreateLinkModal } from "./CreateLinkModal.tsx";
import { QrCodeModal } from "./QrCodeModal.tsx";

export function LinksSection({ survey, stores, mayDistribute }: { survey: SurveyDetail; stores: Store[]; mayDistribute: boolean }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [reloads, setReloads] = useState(0);
  const links = useApiData(() => listSurveyLinks(survey.id), [survey.id, reloads]);
  const [changed, setChanged] = useState<Record<string, SurveyLink>>({});
  const [busyId, setBusyId] = useState<string>();
  const [isCreating, setCreating] = useState(false);
  const [qrLink, setQrLink] = useState<SurveyLink>();
  const storeNames = useMemo(() => new Map(stores.map((store) => [store.id, store.name])), [stores]);
  const rows = (links.data?.items ?? []).map((link) => changed[link.id] ?? link);

  async function update(link: SurveyLink, change: { isActive?: boolean; label?: string }, done: string) {
    setBusyId(link.id);
    try {
      const updated = await updateSurveyLink(link.id, change);
      setChanged((current) => ({ ...current, [link.id]: updated }));
      void message.success(done);
    } catch (caught) {
      void message.error(errorText(caught));
    } finally {
      setBusyId(undefined);
    }
  }

  const columns: TableProps<SurveyLink>["columns"] = [
    {
      key: "label",
      title: t("distribution.links.label"),
      render: (_, link) => (
        <Typography.Text
          strong
          editable={
            mayDistribute && {
              maxLength: 120,
              onChange: (label) => {
                const trimmed = label.trim();
                if (trimmed && trimmed !== link.label) void update(link, { label: trimmed }, t("distribution.links.renamed"));
              },
            }
          }
        >
          {link.label}
        </Typography.Text>
      ),
    },
    {
      key: "kind",
      title: t("distribution.links.kind"),
      width: 110,
      render: (_, link) => <Tag color={link.kind === "kiosk" ? "purple" : "blue"}>{t(`distribution.kinds.${link.kind}`)}</Tag>,
    },
    {
      key: "store",
      title: t("distribution.links.store"),
      width: 140,
      render: (_, link) => (link.storeId ? (storeNames.get(link.storeId) ?? t("common.none")) : t("distribution.links.anyStore")),
    },
    {
      key: "url",
      title: t("distribution.links.url"),
      render: (_, link) => (
        <Typography.Text
          copyable={{ text: linkUrl(link), tooltips: [t("distribution.links.copy"), t("distribution.links.copied")] }}
          className="kexin-link-url"
          data-testid={`link-url-${link.id}`}
          delete={!link.isActive}
        >
          {linkUrl(link)}
        </Typography.Text>
      ),
    },
    {
      key: "responses",
      title: t("distribution.links.responses"),
      width: 90,
      align: "right",
      render: (_, link) => formatNumber(locale, link.responseCount),
    },
    {
      key: "active",
      title: t("distribution.links.active"),
      width: 70,
      render: (_, link) => (
        <Switch
          size="small"
          checked={link.isActive}
          disabled={!mayDistribute}
          loading={busyId === link.id}
          aria-label={t("distribution.links.active")}
          onChange={(isActive) =>
            void update(link, { isActive }, isActive ? t("distribution.links.activated") : t("distribution.links.deactivated"))
          }
          data-testid={`link-active-${link.id}`}
        />
      ),
    },
    {
      key: "qr",
      title: t("distribution.links.qr"),
      width: 190,
      render: (_, link) => (
        <div className="kexin-link-actions">
          <button
            type="button"
            className="kexin-qr-thumb"
            onClick={() => setQrLink(link)}
            title={t("distribution.qr.title", { label: link.label })}
            data-testid={`link-qr-${link.id}`}
          >
            <img src={linkQrSvgUrl(link.id)} alt={t("distribution.qr.title", { label: link.label })} width={44} height={44} />
          </button>
          <Link to={`/surveys/${survey.id}/links/${link.id}/card`} data-testid={`link-card-${link.id}`}>
            <PrinterOutlined /> {t("distribution.links.card")}
          </Link>
        </div>
      ),
    },
  ];

  return (
    <Card
      title={t("distribution.links.title")}
      extra={
        mayDistribute && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="link-create">
            {t("distribution.links.create")}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t("distribution.links.hint")}</Typography.Paragraph>
      {links.error ? (
        <Alert type="error" showIcon title={errorText(links.error)} />
      ) : (
        <Table<SurveyLink>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={links.isLoading}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{ emptyText: t("distribution.links.empty") }}
          onRow={(link) => ({ "data-testid": `link-row-${link.id}` }) as HTMLAttributes<HTMLElement>}
        />
      )}
      <CreateLinkModal
        open={isCreating}
        survey={survey}
        stores={stores}
        onClose={() => setCreating(false)}
        onCreated={(link) => {
          setCreating(false);
          setChanged({});
          setReloads((count) => count + 1);
          setQrLink(link);
          void message.success(t("distribution.links.createdDone"));
        }}
      />
      <QrCodeModal link={qrLink} surveyId={survey.id} onClose={() => setQrLink(undefined)} />
    </Card>
  );
}
