import type { INestApplication, PipeTransform, Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';

/** One argument of a route handler that Nest fills from the request. */
export interface RouteArgument {
  readonly source: 'body' | 'query' | 'param' | 'other';
  /** The name given to @Query('name') / @Param('id'); undefined for the whole object. */
  readonly name?: string;
  /** The declared TypeScript class of the argument (design:paramtypes). */
  readonly type?: Type;
  readonly pipes: readonly (Type<PipeTransform> | PipeTransform)[];
}

/** A controller method as the OpenAPI document names it (`<Controller>_<method>`). */
export interface RouteHandler {
  readonly operationId: string;
  readonly arguments: readonly RouteArgument[];
}

interface RouteArgsEntry {
  readonly index: number;
  readonly data?: unknown;
  readonly pipes?: (Type<PipeTransform> | PipeTransform)[];
}

function sourceOf(key: string): RouteArgument['source'] {
  const paramtype = Number(key.split(':')[0]);
  if (paramtype === Number(RouteParamtypes.BODY)) return 'body';
  if (paramtype === Number(RouteParamtypes.QUERY)) return 'query';
  if (paramtype === Number(RouteParamtypes.PARAM)) return 'param';
  return 'other';
}

/** Every HTTP route handler of the app, with the arguments it takes from the request. */
export function routeHandlersOf(app: INestApplication): Map<string, RouteHandler> {
  const handlers = new Map<string, RouteHandler>();
  for (const module of app.get(ModulesContainer, { strict: false }).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type | null;
      if (!controller) continue;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const method of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[method];
        if (method === 'constructor' || typeof handler !== 'function') continue;
        if (Reflect.getMetadata(PATH_METADATA, handler) === undefined || Reflect.getMetadata(METHOD_METADATA, handler) === undefined) continue;
        const paramTypes = (Reflect.getMetadata('design:paramtypes', prototype, method) ?? []) as (Type | undefined)[];
        const entries = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) ?? {}) as Record<string, RouteArgsEntry>;
        const routeArguments = Object.entries(entries).map(([key, entry]): RouteArgument => ({
          source: sourceOf(key),
          name: typeof entry.data === 'string' ? entry.data : undefined,
          type: paramTypes[entry.index],
          pipes: entry.pipes ?? [],
        }));
        handlers.set(`${controller.name}_${method}`, { operationId: `${controller.name}_${method}`, arguments: routeArguments });
      }
    }
  }
  return handlers;
}
