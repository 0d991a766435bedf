import { INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer, Reflector } from '@nestjs/core';
import { accessPolicyOf, AccessPolicy } from '@thc/auth';

export interface DeclaredRoute {
  readonly route: string;
  readonly policy: AccessPolicy | undefined;
}

/** Every HTTP route of an application with the access policy it declares (if any). */
export function walkRoutes(app: INestApplication): DeclaredRoute[] {
  const reflector = app.get(Reflector);
  const routes: DeclaredRoute[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- controller classes
      const controller = wrapper.metatype as Function | null;
      if (!controller) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
        if (path === undefined) continue;
        const method =
          RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        routes.push({
          route: `${method} /${[base, path].filter((p) => p && p !== '/').join('/')} (${controller.name}.${name})`,
          policy: accessPolicyOf(reflector, [handler, controller]),
        });
      }
    }
  }
  return routes;
}
