/** One link's QR code, large, with PNG (three sizes) and SVG downloads and the way to its printable card. */
import { DownloadOutlined, PrinterOutlined } from "@ant-design/icons";
import type { SurveyLink } from "@kexin/contracts";
import { App, Button, Modal, Select, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { downloadLinkQr, linkQrSvgUrl, linkUrl } from "../../api/distribution-api.ts";
import { useErrorText } from "../../layout/useErrorText.ts";

const PNG_SIZES = [512, 1024, 2048];

export function QrCodeModal({ link, surveyId, onClose }: { link: SurveyLink | undefined; surveyId: string; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [size, setSize] = useState(1024);
  const [downloading, setDownloading] = useState<"png" | "svg">();

  async function download(format: "png" | "svg") {
    if (!link) return;
    setDownloading(format);
    try {
      await downloadLinkQr(link.id, format, `qr-${link.slug}.${format}`, size);
    } catch (caught) {
      void message.error(errorText(caught));
    } finally {
      setDownloading(undefined);
    }
  }

  return (
    <Modal
      open={link !== undefined}
      title={link && t("distribution.qr.title", { label: link.label })}
      onCancel={onClose}
      footer={null}
      width={460}
      destroyOnHidden
    >
      {link && (
        <div className="kexin-qr-modal" data-testid="qr-modal">
          <img src={linkQrSvgUrl(link.id)} alt={t("distribution.qr.title", { label: link.label })} width={280} height={280} />
          <Typography.Text copyable={{ text: linkUrl(link) }} className="kexin-link-url">
            {linkUrl(link)}
          </Typography.Text>
          <Space wrap>
            <Select
              value={size}
              onChange={setSize}
              aria-label={t("distribution.qr.pngSize")}
              options={PNG_SIZES.map((value) => ({ value, label: t("distribution.qr.pixels", { size: value }) }))}
              style={{ width: 120 }}
            />
            <Button icon={<DownloadOutlined />} loading={downloading === "png"} onClick={() => void download("png")} data-testid="qr-download-png">
              {t("distribution.qr.downloadPng")}
            </Button>
            <Button icon={<DownloadOutlined />} loading={downloading === "svg"} onClick={() => void download("svg")} data-testid="qr-download-svg">
              {t("distribution.qr.downloadSvg")}
            </Button>
          </Space>
          <Typography.Text type="secondary">{t("distribution.qr.printHint")}</Typography.Text>
          <Link to={`/surveys/${surveyId}/links/${link.id}/card`}>
            <PrinterOutlined /> {t("distribution.qr.openCard")}
          </Link>
        </div>
      )}
    </Modal>
  );
}
