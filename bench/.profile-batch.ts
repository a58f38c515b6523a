import { sql } from "kysely";
import { openDatabase } from "../apps/server/src/db/database.ts";
import { migrateToLatest } from "../apps/server/src/db/migrate.ts";
const database = await openDatabase(process.argv[2]);
await migrateToLatest(database.db as never);
const org = await database.db.insertInto("orgs").values({ name: "P" }).returning("id").executeTakeFirstOrThrow();
const make = (offset: number) => Array.from({ length: 1000 }, (_, i) => ({ org_id: org.id, code: `X${offset + i}`, name: `客户${i}`, phone: "13800000000", email: `c${offset + i}@example.com`, gender: "male" as const, birthday: "1980-01-01", city: "上海", company: null, wechat: null, home_store_id: null, tags: ["VIP", "茶"] }));
let t = performance.now();
for (let b = 0; b < 10; b++) await database.db.insertInto("customers").values(make(b * 1000)).execute();
console.log("values x10k", ((performance.now() - t) / 1000).toFixed(2));
t = performance.now();
for (let b = 10; b < 20; b++) {
  const rows = make(b * 1000);
  await sql`insert into customers (org_id, code, name, phone, email, gender, birthday, city, tags)
    select ${org.id}::uuid, code, name, phone, email, gender, birthday, city, coalesce(string_to_array(nullif(tags_json, ''), chr(31)), '{}') from unnest(${rows.map((r) => r.code)}::text[], ${rows.map((r) => r.name)}::text[], ${rows.map((r) => r.phone)}::text[],
      ${rows.map((r) => r.email)}::text[], ${rows.map((r) => r.gender)}::text[], ${rows.map((r) => r.birthday)}::date[], ${rows.map((r) => r.city)}::text[],
      ${rows.map((r) => r.tags.join('\u001f'))}::text[]) as u(code, name, phone, email, gender, birthday, city, tags_json)`.execute(database.db).catch(e => console.log(e.message));
}
console.log("unnest x10k", ((performance.now() - t) / 1000).toFixed(2));
t = performance.now();
await sql`drop index customers_search`.execute(database.db);
for (let b = 20; b < 30; b++) await database.db.insertInto("customers").values(make(b * 1000)).execute();
console.log("values x10k without trigram index", ((performance.now() - t) / 1000).toFixed(2));
await database.close();
