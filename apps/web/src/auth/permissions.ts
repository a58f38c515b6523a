/**
 * What the signed-in role may use. The table is @kexin/contracts' (the one the server enforces), so the dashboard
 * hides exactly what the server would refuse.
 */
export { roleCan as can, type Permission } from "@kexin/contracts";
