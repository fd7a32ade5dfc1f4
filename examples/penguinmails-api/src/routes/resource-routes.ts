import { parseBody, unwrap } from "@rookery/hono";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../app-env.js";
import { RESOURCE_PATHS, type ResourceType } from "../penguinmails.js";
import { JsonObject, pageQuery } from "./inputs.js";

// `data` is checked by Rookery against the type's schema (penguinmails.ts).
const Create = z.strictObject({ workspaceId: z.string().max(64).optional(), data: JsonObject });
const Update = z.strictObject({ data: JsonObject, expectedVersion: z.number().int().optional() });

/** Templates may carry a page of HTML; the other types are small. */
const MAX_BYTES: Record<ResourceType, number> = {
  campaign: 16 * 1024,
  domain: 16 * 1024,
  contact: 16 * 1024,
  template: 64 * 1024,
};

/**
 * The same five routes for each resource type: campaigns, domains and
 * contacts inside a workspace (`workspaceId`), templates shared by the
 * company. Another tenant's id answers 404, exactly as an unknown one.
 */
export function resourceRoutes() {
  const app = new Hono<AppEnv>();
  for (const type of Object.keys(RESOURCE_PATHS) as ResourceType[]) {
    const path = `/${RESOURCE_PATHS[type]}`;
    const maxBytes = MAX_BYTES[type];

    app.get(path, async (c) => {
      const query = pageQuery(c, { workspaceId: z.string().max(64) });
      return c.json(unwrap(await c.var.scope.resources(type).list(query)));
    });

    app.post(path, async (c) => {
      const { workspaceId, data } = unwrap(await parseBody(c, Create, { maxBytes }));
      const input = { ...(workspaceId === undefined ? {} : { workspaceId }), data: data as never };
      return c.json(unwrap(await c.var.scope.resources(type).create(input)), 201);
    });

    app.get(`${path}/:id`, async (c) =>
      c.json(unwrap(await c.var.scope.resources(type).get(c.req.param("id")))),
    );

    app.put(`${path}/:id`, async (c) => {
      const { data, expectedVersion } = unwrap(await parseBody(c, Update, { maxBytes }));
      const options = expectedVersion === undefined ? {} : { expectedVersion };
      const updated = await c.var.scope
        .resources(type)
        .update(c.req.param("id"), data as never, options);
      return c.json(unwrap(updated));
    });

    app.delete(`${path}/:id`, async (c) => {
      unwrap(await c.var.scope.resources(type).delete(c.req.param("id")));
      return c.body(null, 204);
    });
  }
  return app;
}
