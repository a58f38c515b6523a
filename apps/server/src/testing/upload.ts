/** Builds multipart/form-data bodies for fastify.inject: a file plus text fields, as a browser sends them. */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export function multipartBody(file: { name: string; content: Buffer | string }, fields: Record<string, string> = {}) {
  const boundary = `----kexin${randomBytes(8).toString("hex")}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\n` +
        "Content-Type: application/octet-stream\r\n\r\n",
    ),
    Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

/** A fixture of domain/imports/fixtures, the files the browser journeys upload too. */
export function importFixture(name: string): Buffer {
  return readFileSync(fileURLToPath(new URL(`../domain/imports/fixtures/${name}`, import.meta.url)));
}
