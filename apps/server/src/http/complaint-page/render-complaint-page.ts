/**
 * The public complaint page, rendered on the server as one small HTML document with its CSS inline and no script:
 * light on any phone, nothing of the dashboard's bundle, and it works with JavaScript off. Every value that came
 * from a person (store and organisation names, what the customer typed when the form is shown again) is escaped.
 */
import { COMPLAINT_CATEGORIES } from "@kexin/contracts";
import { escapeHtml } from "../../domain/mail/escape-html.ts";
import { COMPLAINT_PAGE_STRINGS, type PageLanguage } from "./complaint-page-strings.ts";

export type FormField = "category" | "body" | "staffName" | "name" | "phone" | "email";
export type FormValues = Partial<Record<FormField, string>>;

const STYLE = `
*{box-sizing:border-box}body{margin:0;font:16px/1.5 -apple-system,"PingFang SC","Microsoft YaHei",sans-serif;color:#1f2329;background:#f5f6f8}
main{max-width:560px;margin:0 auto;padding:20px 16px 40px}h1{font-size:22px;margin:8px 0 4px}.org{color:#646a73;font-size:14px}
p.intro{margin:8px 0 20px}form{background:#fff;border-radius:12px;padding:16px;box-shadow:0 1px 3px rgba(0,0,0,.08)}
label{display:block;font-weight:600;margin:14px 0 6px}small{display:block;color:#646a73;font-weight:400}
input,select,textarea{width:100%;font:inherit;padding:10px 12px;border:1px solid #c9cdd4;border-radius:8px;background:#fff}
textarea{min-height:140px;resize:vertical}.invalid{border-color:#d83931}.error{color:#d83931;font-size:14px;margin-top:4px}
.banner{background:#fdecea;color:#a1261f;border-radius:8px;padding:10px 12px;margin-bottom:8px}
button{margin-top:20px;width:100%;padding:12px;font:inherit;font-weight:600;color:#fff;background:#1456f0;border:0;border-radius:8px}
.privacy{color:#8f959e;font-size:13px;margin-top:14px}.done{background:#fff;border-radius:12px;padding:20px}.number{font-size:20px;font-weight:700}
nav{font-size:13px;text-align:right}nav a{color:#1456f0;margin-left:10px}`;

function page(language: PageLanguage, title: string, content: string, languageLinks = ""): string {
  const strings = COMPLAINT_PAGE_STRINGS[language];
  return `<!doctype html><html lang="${strings.htmlLang}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex">` +
    `<title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main>${languageLinks}${content}</main></body></html>`;
}

const LANGUAGE_NAMES: Record<PageLanguage, string> = { "zh-CN": "简体中文", en: "English", "zh-TW": "繁體中文" };

export function renderComplaintForm(input: {
  language: PageLanguage;
  slug: string;
  storeName: string;
  orgName: string;
  values?: FormValues;
  errors?: Partial<Record<FormField, string>>;
}): string {
  const strings = COMPLAINT_PAGE_STRINGS[input.language];
  const values = input.values ?? {};
  const errors = input.errors ?? {};
  const action = `/c/${encodeURIComponent(input.slug)}?lang=${input.language}`;
  const value = (field: FormField) => escapeHtml(values[field] ?? "");
  const errorOf = (field: FormField) =>
    errors[field] ? `<div class="error" id="${field}-error" data-testid="error-${field}">${escapeHtml(errors[field]!)}</div>` : "";
  const attributes = (field: FormField) =>
    `id="${field}" name="${field}" data-testid="complaint-${field}"${errors[field] ? ` class="invalid" aria-invalid="true" aria-describedby="${field}-error"` : ""}`;
  const options = COMPLAINT_CATEGORIES.map(
    (category) => `<option value="${category}"${values.category === category ? " selected" : ""}>${escapeHtml(strings.categories[category])}</option>`,
  ).join("");
  const languageLinks = `<nav>${(Object.keys(LANGUAGE_NAMES) as PageLanguage[])
    .filter((language) => language !== input.language)
    .map((language) => `<a href="/c/${encodeURIComponent(input.slug)}?lang=${language}">${LANGUAGE_NAMES[language]}</a>`)
    .join("")}</nav>`;
  const content =
    `<h1>${escapeHtml(strings.title)}</h1><div class="org">${escapeHtml(input.orgName)}</div>` +
    `<p class="intro">${escapeHtml(strings.intro(input.storeName))}</p>` +
    `<form method="post" action="${escapeHtml(action)}" accept-charset="utf-8" novalidate>` +
    (Object.keys(errors).length > 0 ? `<div class="banner" role="alert" data-testid="complaint-errors">${escapeHtml(strings.fixErrors)}</div>` : "") +
    `<input type="hidden" name="language" value="${input.language}">` +
    `<label for="category">${escapeHtml(strings.category)}</label><select ${attributes("category")}>${options}</select>${errorOf("category")}` +
    `<label for="body">${escapeHtml(strings.body)}<small>${escapeHtml(strings.bodyHint)}</small></label>` +
    `<textarea ${attributes("body")} maxlength="5000" required>${value("body")}</textarea>${errorOf("body")}` +
    `<label for="staffName">${escapeHtml(strings.staffName)}<small>${escapeHtml(strings.staffNameHint)}</small></label>` +
    `<input ${attributes("staffName")} maxlength="100" value="${value("staffName")}">${errorOf("staffName")}` +
    `<label for="name">${escapeHtml(strings.name)}</label><input ${attributes("name")} maxlength="100" autocomplete="name" required value="${value("name")}">${errorOf("name")}` +
    `<label for="phone">${escapeHtml(strings.phone)}<small>${escapeHtml(strings.contactHint)}</small></label>` +
    `<input ${attributes("phone")} type="tel" maxlength="20" autocomplete="tel" value="${value("phone")}">${errorOf("phone")}` +
    `<label for="email">${escapeHtml(strings.email)}</label><input ${attributes("email")} type="email" maxlength="200" autocomplete="email" value="${value("email")}">${errorOf("email")}` +
    `<button type="submit" data-testid="complaint-submit">${escapeHtml(strings.submit)}</button>` +
    `<p class="privacy">${escapeHtml(strings.privacy(input.orgName))}</p></form>`;
  return page(input.language, `${strings.title} · ${input.storeName}`, content, languageLinks);
}

export function renderComplaintThanks(language: PageLanguage, number: string, storeName: string): string {
  const strings = COMPLAINT_PAGE_STRINGS[language];
  const content = `<div class="done" data-testid="complaint-thanks"><h1>${escapeHtml(strings.thanksTitle)}</h1>` +
    `<p class="org">${escapeHtml(storeName)}</p><p class="number" data-testid="complaint-number">${escapeHtml(number)}</p>` +
    `<p>${escapeHtml(strings.thanks(number))}</p></div>`;
  return page(language, strings.thanksTitle, content);
}

export function renderComplaintPageNotFound(language: PageLanguage): string {
  const strings = COMPLAINT_PAGE_STRINGS[language];
  return page(language, strings.notFoundTitle, `<div class="done"><h1>${escapeHtml(strings.notFoundTitle)}</h1><p>${escapeHtml(strings.notFound)}</p></div>`);
}

/** The answer when one device sent too many complaints in a minute: a page, since the form has no script to show JSON. */
export function renderComplaintRateLimited(language: PageLanguage): string {
  const strings = COMPLAINT_PAGE_STRINGS[language];
  return page(language, strings.tooManyTitle, `<div class="done" data-testid="complaint-rate-limited"><h1>${escapeHtml(strings.tooManyTitle)}</h1><p>${escapeHtml(strings.tooMany)}</p></div>`);
}
