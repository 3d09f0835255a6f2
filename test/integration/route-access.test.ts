import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { ModulesContainer } from '@nestjs/core';
import { IS_PUBLIC, ROLES } from '../../server/src/common/decorators.js';
import { buildOpenApiDocument } from '../../server/src/openapi/openapi.js';
import { ROLES as ALL_ROLES, type Role } from '../../server/src/users/user.entity.js';
import { TestApp } from '../support/test-app.js';

/**
 * Walks every route the app serves, so a route added later is covered without writing
 * a test for it: anonymous calls must get 401 and callers of a role the route does not
 * name must get 403.
 */

// Making a route public is a deliberate act: it has to be listed here too.
const PUBLIC_ROUTES = new Set(['GET /api/health', 'POST /api/auth/login', 'POST /api/auth/logout', 'GET /api/s/:token', 'PUT /api/s/:token/:evaluationId/draft', 'POST /api/s/:token/:evaluationId/submit', 'GET /api/s/:token/cases', 'POST /api/s/:token/cases', 'POST /api/s/:token/cases/:caseId/rating', 'GET /api/public/results/:slug']);

interface Route {
  method: string;
  path: string;
  isPublic: boolean;
  roles: Role[] | undefined;
}

let api: TestApp;
let routes: Route[];
const tokens = {} as Record<Role, string>;

beforeAll(async () => {
  api = await TestApp.start();
  routes = discoverRoutes(api);
  const admin = await api.loginAsAdmin();
  tokens.admin = admin;
  for (const role of ALL_ROLES.filter((r) => r !== 'admin')) tokens[role] = (await api.userWithRole(role, admin)).token;
});
afterAll(async () => {
  await api?.close();
});

function discoverRoutes(app: TestApp): Route[] {
  const found: Route[] = [];
  for (const module of app.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!controller) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = controller.prototype[name as keyof object] as unknown;
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined) continue;
        const sub = String(Reflect.getMetadata(PATH_METADATA, handler) ?? '');
        const path = `/api/${[base, sub].filter((p) => p && p !== '/').join('/')}`.replace(/\/+/g, '/').replace(/\/$/, '');
        const meta = <T>(key: string) => (Reflect.getMetadata(key, handler) ?? Reflect.getMetadata(key, controller)) as T;
        found.push({ method: RequestMethod[method], path, isPublic: meta<boolean>(IS_PUBLIC) === true, roles: meta<Role[] | undefined>(ROLES) });
      }
    }
  }
  return found;
}

const concrete = (path: string) => path.replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000');
const bodyFor = (route: Route) => (route.method === 'GET' || route.method === 'HEAD' ? undefined : {});
const key = (route: Route) => `${route.method} ${route.path}`;

it('finds the routes, and the OpenAPI document lists exactly the same ones', () => {
  expect(routes.length).toBeGreaterThanOrEqual(9);
  const document = buildOpenApiDocument(api.app);
  const documented = Object.entries(document.paths).flatMap(([path, item]) =>
    Object.keys(item).filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m)).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
  );
  expect(documented.sort()).toEqual(routes.map(key).sort());
});

it('marks as public only the routes listed as public here', () => {
  expect(routes.filter((r) => r.isPublic).map(key).sort()).toEqual([...PUBLIC_ROUTES].sort());
});

it('names the roles allowed on every other route', () => {
  const unnamed = routes.filter((r) => !r.isPublic && (!r.roles || r.roles.length === 0)).map(key);
  expect(unnamed).toEqual([]);
});

it('refuses every protected route to an anonymous caller with 401 in the error shape', async () => {
  for (const route of routes.filter((r) => !r.isPublic)) {
    const response = await api.request(route.method, concrete(route.path), { body: bodyFor(route) });
    expect({ route: key(route), status: response.status, code: response.body?.code }).toEqual({ route: key(route), status: 401, code: 'UNAUTHENTICATED' });
  }
});

it('refuses every protected route to the roles it does not name with 403', async () => {
  let checked = 0;
  for (const route of routes.filter((r) => !r.isPublic)) {
    for (const role of ALL_ROLES.filter((r) => !route.roles!.includes(r))) {
      const response = await api.request(route.method, concrete(route.path), { token: tokens[role], body: bodyFor(route) });
      expect({ route: key(route), role, status: response.status }).toEqual({ route: key(route), role, status: 403 });
      checked += 1;
    }
  }
  expect(checked).toBeGreaterThan(0);
});

it('lets the named roles through the guard', async () => {
  for (const route of routes.filter((r) => !r.isPublic && r.method === 'GET')) {
    for (const role of route.roles!) {
      const response = await api.request(route.method, concrete(route.path), { token: tokens[role] });
      expect({ route: key(route), role, refused: [401, 403].includes(response.status) }).toEqual({ route: key(route), role, refused: false });
    }
  }
});
