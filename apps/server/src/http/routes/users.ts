/** Staff accounts and the stores they work in. Only admins change accounts; changes are audited. */
import { Id, Store, User, UserCreate, UserUpdate } from "@kexin/contracts";
import { z } from "zod";
import { listStores } from "../../domain/stores/list-stores.ts";
import { createUser } from "../../domain/users/create-user.ts";
import { listUsers } from "../../domain/users/list-users.ts";
import { updateUser } from "../../domain/users/update-user.ts";
import { defineRoute } from "../route.ts";

export const userRoutes = [
  defineRoute({
    method: "GET",
    url: "/api/users",
    summary: "Staff accounts (store managers and agents see their stores' staff)",
    tags: ["users"],
    access: "user.read",
    response: z.array(User),
    handler: ({ db, actor }) => listUsers({ db, actor }),
  }),
  defineRoute({
    method: "POST",
    url: "/api/users",
    summary: "Open a staff account; audited",
    tags: ["users"],
    access: "user.admin",
    body: UserCreate,
    response: User,
    status: 201,
    handler: ({ db, actor, body }) => createUser({ db, actor, input: body }),
  }),
  defineRoute({
    method: "PATCH",
    url: "/api/users/:id",
    summary: "Change a staff account's name, role, stores or disabled flag; audited with before and after",
    tags: ["users"],
    access: "user.admin",
    params: z.object({ id: Id }),
    body: UserUpdate,
    response: User,
    handler: ({ db, actor, params, body }) => updateUser({ db, actor, id: params.id, input: body }),
  }),
  defineRoute({
    method: "GET",
    url: "/api/stores",
    summary: "The stores the signed-in user may see",
    tags: ["users"],
    access: "signed-in",
    response: z.array(Store),
    handler: ({ db, actor }) => listStores({ db, actor }),
  }),
];
