/**
 * The customer archive (客户档案). Every route checks store scope in its use case: a customer of another store
 * answers 404, never 403, so its existence is not revealed. Archiving is the soft delete and needs customer.delete.
 */
import {
  Customer,
  CustomerInput,
  CustomerList,
  CustomerListQuery,
  CustomerUpdate,
  Id,
  InteractionCreate,
  PersonalDataExport,
  Timeline,
  TimelineEvent,
  TimelineQuery,
} from "@kexin/contracts";
import { z } from "zod";
import { addInteraction } from "../../domain/customers/add-interaction.ts";
import { archiveCustomer } from "../../domain/customers/archive-customer.ts";
import { createCustomer } from "../../domain/customers/create-customer.ts";
import { eraseCustomer } from "../../domain/customers/erase-customer.ts";
import { exportPersonalData } from "../../domain/customers/export-personal-data.ts";
import { getCustomer } from "../../domain/customers/get-customer.ts";
import { getTimeline } from "../../domain/customers/get-timeline.ts";
import { listCustomers } from "../../domain/customers/list-customers.ts";
import { restoreCustomer } from "../../domain/customers/restore-customer.ts";
import { updateCustomer } from "../../domain/customers/update-customer.ts";
import { defineRoute } from "../route.ts";

const CustomerParams = z.object({ id: Id });
const tags = ["customers"];

export const customerRoutes = [
  defineRoute({
    method: "GET",
    url: "/api/customers",
    summary: "Search, filter, sort and page the customer archive",
    tags,
    access: "customer.read",
    query: CustomerListQuery,
    response: CustomerList,
    handler: ({ db, actor, query }) => listCustomers({ db, actor, input: query }),
  }),
  defineRoute({
    method: "POST",
    url: "/api/customers",
    summary: "Add a customer",
    tags,
    access: "customer.write",
    body: CustomerInput,
    response: Customer,
    status: 201,
    handler: ({ db, actor, body }) => createCustomer({ db, actor, input: body }),
  }),
  defineRoute({
    method: "GET",
    url: "/api/customers/:id",
    summary: "One customer's archive card",
    tags,
    access: "customer.read",
    params: CustomerParams,
    response: Customer,
    handler: ({ db, actor, params }) => getCustomer({ db, actor, id: params.id }),
  }),
  defineRoute({
    method: "PATCH",
    url: "/api/customers/:id",
    summary: "Change the fields sent; the others keep their value",
    tags,
    access: "customer.write",
    params: CustomerParams,
    body: CustomerUpdate,
    response: Customer,
    handler: ({ db, actor, params, body }) => updateCustomer({ db, actor, id: params.id, input: body }),
  }),
  defineRoute({
    method: "POST",
    url: "/api/customers/:id/archive",
    summary: "Archive a customer (hidden from the default list, history kept); a soft delete",
    tags,
    access: "customer.delete",
    params: CustomerParams,
    response: Customer,
    handler: ({ db, actor, params }) => archiveCustomer({ db, actor, id: params.id }),
  }),
  defineRoute({
    method: "POST",
    url: "/api/customers/:id/restore",
    summary: "Bring an archived customer back",
    tags,
    access: "customer.delete",
    params: CustomerParams,
    response: Customer,
    handler: ({ db, actor, params }) => restoreCustomer({ db, actor, id: params.id }),
  }),
  defineRoute({
    method: "GET",
    url: "/api/customers/:id/timeline",
    summary: "Purchases and interactions, newest first; page with `before`",
    tags,
    access: "customer.read",
    params: CustomerParams,
    query: TimelineQuery,
    response: Timeline,
    handler: ({ db, actor, params, query }) => getTimeline({ db, actor, id: params.id, input: query }),
  }),
  defineRoute({
    method: "POST",
    url: "/api/customers/:id/interactions",
    summary: "Record a call, visit, message or note on the timeline",
    tags,
    access: "customer.write",
    params: CustomerParams,
    body: InteractionCreate,
    response: TimelineEvent,
    status: 201,
    handler: ({ db, actor, params, body }) => addInteraction({ db, actor, id: params.id, input: body }),
  }),
  defineRoute({
    method: "GET",
    url: "/api/customers/:id/personal-data",
    summary: "Everything stored about this person (PIPL/GDPR access request); audited",
    tags,
    access: "customer.export",
    params: CustomerParams,
    response: PersonalDataExport,
    handler: ({ db, actor, params }) => exportPersonalData({ db, actor, id: params.id }),
  }),
  defineRoute({
    method: "POST",
    url: "/api/customers/:id/erase",
    summary: "Erase this person's personal data (PIPL/GDPR); purchases stay as anonymous figures; audited",
    tags,
    access: "customer.erase",
    params: CustomerParams,
    response: Customer,
    handler: ({ db, actor, params }) => eraseCustomer({ db, actor, id: params.id }),
  }),
];
