/**
 * The demo organisation's fixed facts: its name, stores and staff logins. The README's table of demo logins and
 * the tests read these constants, so what is documented is what is seeded.
 */
import type { Role } from "@kexin/contracts";

export const DEMO_ORG_NAME = "客信演示连锁 Kexin Demo Retail";

/** One password for every demo account; it is public, so never use the demo organisation for real data. */
export const DEMO_PASSWORD = "kexin-demo";

export interface DemoStore {
  code: string;
  name: string;
  city: string;
}

export const DEMO_STORES: readonly DemoStore[] = [
  { code: "SH01", name: "上海静安店", city: "上海" },
  { code: "BJ01", name: "北京朝阳店", city: "北京" },
];

export interface DemoLogin {
  email: string;
  name: string;
  role: Role;
  /** Store codes the account is assigned to; admins and managers see every store whatever is listed. */
  storeCodes: string[];
  /** What the account is for, in the README's words. */
  description: string;
}

export const DEMO_LOGINS: readonly DemoLogin[] = [
  { email: "admin@demo.kexin.cn", name: "林晓岚", role: "admin", storeCodes: [], description: "administrator: everything, incl. users and audit log" },
  { email: "manager@demo.kexin.cn", name: "周建国", role: "manager", storeCodes: ["SH01", "BJ01"], description: "manager of every store" },
  { email: "sh01@demo.kexin.cn", name: "陈美玲", role: "store_manager", storeCodes: ["SH01"], description: "store manager, 上海静安店 only" },
  { email: "bj01@demo.kexin.cn", name: "王志强", role: "store_manager", storeCodes: ["BJ01"], description: "store manager, 北京朝阳店 only" },
  { email: "agent@demo.kexin.cn", name: "李雨萱", role: "agent", storeCodes: ["SH01"], description: "customer-service agent, 上海静安店" },
];

/** The demo logins as a markdown table, for the README. */
export function demoLoginsMarkdown(): string {
  const rows = DEMO_LOGINS.map((login) => `| \`${login.email}\` | \`${DEMO_PASSWORD}\` | ${login.role} | ${login.description} |`);
  return ["| email | password | role | what it shows |", "|---|---|---|---|", ...rows].join("\n");
}
