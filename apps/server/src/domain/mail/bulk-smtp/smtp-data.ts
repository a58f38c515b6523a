/**
 * Turns a message into the bytes sent after DATA's 354 reply (RFC 5321 §4.5.2): every line ends in CRLF (a bare
 * CR or LF would let the text end the data early on some servers, the "SMTP smuggling" problem), a line starting
 * with "." gets a second ".", and the last line ends in CRLF so that ".\r\n" forms the end-of-data line.
 */

const CR = 0x0d;
const LF = 0x0a;
const DOT = 0x2e;

/**
 * The message ready to follow DATA, not including the final ".\r\n". Returns the same Buffer, uncopied, when it
 * needs no change (what composeMime produces); otherwise a transformed copy. O(n).
 * @example toSmtpData(Buffer.from(".hidden\nline")).toString() // "..hidden\r\nline\r\n"
 */
export function toSmtpData(message: Buffer): Buffer {
  return isReady(message) ? message : transform(message);
}

function isReady(message: Buffer): boolean {
  if (message.length === 0 || message[0] === DOT) return false;
  if (message[message.length - 2] !== CR || message[message.length - 1] !== LF) return false;
  let lineFeeds = 0;
  for (let index = message.indexOf(LF); index !== -1; index = message.indexOf(LF, index + 1)) {
    if (message[index - 1] !== CR || message[index + 1] === DOT) return false;
    lineFeeds++;
  }
  let carriageReturns = 0;
  for (let index = message.indexOf(CR); index !== -1; index = message.indexOf(CR, index + 1)) carriageReturns++;
  return carriageReturns === lineFeeds;
}

function transform(message: Buffer): Buffer {
  // At most: every byte a line break that grows to CRLF plus a stuffed dot, and the final CRLF.
  const out = Buffer.allocUnsafe(message.length * 3 + 2);
  let length = 0;
  let atLineStart = true;
  for (let index = 0; index < message.length; index++) {
    const byte = message[index];
    if (byte === CR || byte === LF) {
      if (byte === CR && message[index + 1] === LF) index++;
      out[length++] = CR;
      out[length++] = LF;
      atLineStart = true;
      continue;
    }
    if (atLineStart && byte === DOT) out[length++] = DOT;
    out[length++] = byte;
    atLineStart = false;
  }
  if (!atLineStart || length === 0) {
    out[length++] = CR;
    out[length++] = LF;
  }
  return out.subarray(0, length);
}
