/**
 * A printable table card for one link: the organisation, the survey's title, a large QR code, the short address and
 * a one-line invitation, all in one of the survey's languages. Printing outputs the card alone on A6 or A4.
 */
import { ArrowLeftOutlined, PrinterOutlined } from "@ant-design/icons";
import type { Locale } from "@kexin/contracts";
import { Alert, Button, Segmented, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { linkQrSvgUrl, linkUrl, listSurveyLinks } from "../../api/distribution-api.ts";
import { useApiData } from "../../api/useApiData.ts";
import { useMe } from "../../auth/useSession.ts";
import { LOCALE_NAMES } from "../../i18n/setup-i18n.ts";
import { useLocale } from "../../i18n/useLocale.ts";
import { PageSpinner } from "../../layout/PageSpinner.tsx";
import { useErrorText } from "../../layout/useErrorText.ts";
import { pickText } from "../localized-text.ts";
import { useSurveyForDistribution } from "./useSurveyForDistribution.ts";
import "./distribution.css";

type Paper = "a6" | "a4";
const PAPER_SIZES: Record<Paper, string> = { a6: "105mm 148mm", a4: "210mm 297mm" };

/** The address as people type it: without the scheme, which every browser adds. */
function shortAddress(url: string): string {
  return url.replace(/^https?:\/\//, "");
}

export default function LinkCardPage() {
  const { surveyId = "", linkId = "" } = useParams();
  const { t, i18n } = useTranslation();
  const { locale } = useLocale();
  const me = useMe();
  const errorText = useErrorText();
  const surveyData = useSurveyForDistribution(surveyId);
  const links = useApiData(() => listSurveyLinks(surveyId), [surveyId]);
  const [chosenLanguage, setLanguage] = useState<Locale>();
  const [paper, setPaper] = useState<Paper>("a6");

  const distributePath = `/surveys/${surveyId}/distribute`;
  const back = (
    <Link to={distributePath}>
      <ArrowLeftOutlined /> {t("distribution.card.back")}
    </Link>
  );
  const error = surveyData.error ?? links.error;
  if (error) return <Alert type="error" showIcon title={errorText(error)} action={back} />;
  if (!surveyData.data || !links.data) return <PageSpinner />;
  const link = links.data.items.find((item) => item.id === linkId);
  if (!link) return <Alert type="error" showIcon title={t("distribution.card.notFound")} action={back} />;

  const { definition, languages } = surveyData.data;
  // The card speaks the survey's language: the reader's own if the survey has it, else the survey's first.
  const language = chosenLanguage ?? (languages.includes(locale) ? locale : languages[0]);
  const cardT = i18n.getFixedT(language);
  const title = pickText(definition.title, language, languages);
  const store = me.stores.find((item) => item.id === link.storeId);

  return (
    <div className="kexin-card-page">
      <div className="kexin-card-toolbar">
        {back}
        <Typography.Title level={3}>{t("distribution.card.title")}</Typography.Title>
        <Space wrap size="middle">
          {languages.length > 1 && (
            <Space>
              <Typography.Text type="secondary">{t("distribution.card.language")}</Typography.Text>
              <Segmented<Locale>
                value={language}
                onChange={setLanguage}
                options={languages.map((value) => ({ value, label: LOCALE_NAMES[value] }))}
                data-testid="card-language"
              />
            </Space>
          )}
          <Space>
            <Typography.Text type="secondary">{t("distribution.card.paper")}</Typography.Text>
            <Segmented<Paper>
              value={paper}
              onChange={setPaper}
              options={[
                { value: "a6", label: "A6" },
                { value: "a4", label: "A4" },
              ]}
              data-testid="card-paper"
            />
          </Space>
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="card-print">
            {t("distribution.card.print")}
          </Button>
        </Space>
        <Typography.Text type="secondary">{t("distribution.card.printHint")}</Typography.Text>
        {!link.isActive && <Alert type="warning" showIcon title={t("distribution.card.inactive")} />}
      </div>
      <div className="kexin-print-sheet">
        <article className={`kexin-print-card is-${paper}`} lang={language} data-testid="print-card">
          <header className="kexin-print-card-org">{me.organisation.name}</header>
          <h1 className="kexin-print-card-title">{title}</h1>
          <p className="kexin-print-card-invite">{cardT("distribution.card.scan")}</p>
          <img className="kexin-print-card-qr" src={linkQrSvgUrl(link.id)} alt={linkUrl(link)} />
          <div className="kexin-print-card-url">
            <span className="kexin-print-card-url-hint">{cardT("distribution.card.orVisit")}</span>
            <span className="kexin-print-card-url-text" data-testid="card-url">
              {shortAddress(linkUrl(link))}
            </span>
          </div>
          <footer className="kexin-print-card-footer">
            {cardT("distribution.card.thanks")}
            {store && ` · ${store.name}`}
          </footer>
        </article>
      </div>
      {/* The page size follows the paper chosen (in millimetres: Chromium knows no "A6" keyword); the card fills it. */}
      <style>{`@page { size: ${PAPER_SIZES[paper]}; margin: 0; }`}</style>
    </div>
  );
}
