import { z } from "zod";

export const Id = z.uuid();
export const Locale = z.enum(["zh-CN", "en", "zh-TW"]);
export type Locale = z.infer<typeof Locale>;

/** Calendar date as yyyy-mm-dd (birthdays, analysis dates): no time zone games. */
export const IsoDate = z.iso.date();
export const IsoDateTime = z.iso.datetime({ offset: true });

export const Page = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const Health = z.object({ status: z.literal("ok"), database: z.string() });
