/**
 * Mailboxes (`Name <local@domain>` or a bare `local@domain`) as the bulk sender needs them: the display name for
 * the header, and an address whose domain is already in ASCII (IDNA) so the SMTP envelope and the header agree.
 * A non-ASCII local part cannot be converted; it is kept and marked, because only a server that offers SMTPUTF8
 * (RFC 6531) may receive it.
 */
import { domainToASCII } from "node:url";
import { MailDeliveryError } from "../mailer.ts";

export interface Mailbox {
  /** The display name without quotes, or undefined for a bare address. */
  displayName: string | undefined;
  /** `local@domain` with the domain in ASCII, as it goes into MAIL FROM / RCPT TO and the header. */
  address: string;
  /** The part after the last "@" in ASCII form, e.g. for Message-ID right-hand sides. */
  domain: string;
  /** True when the local part has non-ASCII characters, so the message needs SMTPUTF8. */
  needsSmtpUtf8: boolean;
}

const unsafeCharacters = /[\r\n\0]/;
// RFC 5322 atext, plus any non-ASCII character other than C1 controls (RFC 6532 allows UTF-8 in addresses).
const atom = "[A-Za-z0-9!#$%&'*+\\-/=?^_`{|}~\\u00a0-\\uffff]+";
const localPartPattern = new RegExp(`^${atom}(\\.${atom})*$`);
const asciiDomainPattern = /^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+$/;
const addressLiteralPattern = /^\[(\d{1,3}(\.\d{1,3}){3}|IPv6:[0-9A-Fa-f:.]+)\]$/;
// eslint-disable-next-line no-control-regex
const asciiOnly = /^[\x00-\x7f]*$/;

/**
 * Throws a permanent MailDeliveryError naming the header when a value could smuggle in a header line or end the
 * headers early: CR, LF or NUL anywhere in it.
 * @throws MailDeliveryError (permanent) naming `header`
 */
export function assertNoLineBreaks(header: string, value: string): void {
  if (unsafeCharacters.test(value)) {
    throw new MailDeliveryError(
      `the ${header} header contains a line break or NUL character; refused to prevent header injection`,
      true,
    );
  }
}

/**
 * Parses `Name <local@domain>`, `"Name, Jr." <local@domain>` or `local@domain` and checks the address.
 * Why: the envelope and the header must carry the same, valid address, with an internationalised domain in its
 * ASCII form (`url.domainToASCII`), or a relay rejects the message after the greeting campaign has started.
 * @throws MailDeliveryError (permanent) naming `header` when the value is not one valid mailbox
 * @example parseMailbox("王小明 <wang@例子.测试>", "From").address // "wang@xn--fsqu00a.xn--0zwm56d"
 */
export function parseMailbox(value: string, header: string): Mailbox {
  assertNoLineBreaks(header, value);
  const trimmed = value.trim();
  const angled = /^(.*?)\s*<([^<>]*)>$/s.exec(trimmed);
  let displayName: string | undefined;
  let rawAddress = trimmed;
  if (angled) {
    rawAddress = angled[2].trim();
    const name = angled[1].trim();
    const quoted = /^"((?:[^"\\]|\\.)*)"$/s.exec(name);
    displayName = quoted ? quoted[1].replace(/\\(.)/gs, "$1") : name;
    if (displayName === "") displayName = undefined;
  }
  const at = rawAddress.lastIndexOf("@");
  if (at <= 0 || at === rawAddress.length - 1) throw invalid(header, value);
  const localPart = rawAddress.slice(0, at);
  const rawDomain = rawAddress.slice(at + 1);
  if (!localPartPattern.test(localPart) || /[\u0080-\u009f]/.test(localPart)) throw invalid(header, value);
  let domain: string;
  if (addressLiteralPattern.test(rawDomain)) {
    domain = rawDomain;
  } else {
    domain = asciiOnly.test(rawDomain) ? rawDomain.toLowerCase() : domainToASCII(rawDomain);
    if (!asciiDomainPattern.test(domain)) throw invalid(header, value);
  }
  return {
    displayName,
    address: `${localPart}@${domain}`,
    domain,
    needsSmtpUtf8: !asciiOnly.test(localPart),
  };
}

function invalid(header: string, value: string): MailDeliveryError {
  return new MailDeliveryError(`the ${header} address "${value}" is not a valid email address (local@domain)`, true);
}
