import type { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { requestValidationPipe, ProblemDetailsFilter } from '@atrium/http-problem';
import { connectEventConsumers } from '@atrium/messaging';
import type { z } from 'zod';
import { loadConfigOrExit, type ServiceVariables } from '@atrium/config';
import { createLogger, Metrics, NestPinoLogger, type Logger } from '@atrium/observability';
import { HttpMetricsInterceptor } from './http-metrics.interceptor';
import { GatewayIdentityGuard } from './gateway-identity.guard';
import { withGatewayIdentityRefusal } from './gateway-identity.openapi';
import { describeErrorsAndRules } from './openapi/describe-errors-and-rules';

export interface RunServiceOptions {
  readonly serviceName: string;
  readonly module: DynamicModule;
  readonly host: string;
  readonly port: number;
  readonly logger: Logger;
  readonly metrics: Metrics;
  /** Whether the app has `@ConsumeEvent` handlers to connect to Kafka. */
  readonly consumesEvents: boolean;
  readonly openApi: { readonly title: string; readonly description: string };
  /** ATRIUM_IDENTITY_SECRET: the key of the gateway's signature, which every route but health requires. */
  readonly identitySecret: string;
}

/** Builds the OpenAPI document of an app's HTTP routes. */
export function openApiDocumentOf(app: INestApplication, openApi: RunServiceOptions['openApi']): OpenAPIObject {
  const config = new DocumentBuilder().setTitle(openApi.title).setDescription(openApi.description).setVersion('1').addBearerAuth().build();
  return describeErrorsAndRules(SwaggerModule.createDocument(app, config), app);
}

/**
 * Creates and starts a service as a hybrid app: HTTP API (problem+json errors, validated
 * input, OpenAPI at /docs and /openapi.json) plus its Kafka consumers. A failure to start is
 * logged and ends the process with a non-zero code, so a supervisor sees it.
 */
export async function runService(options: RunServiceOptions): Promise<INestApplication> {
  const { logger } = options;
  process.on('unhandledRejection', (reason) => {
    logger.fatal({ err: reason }, 'unhandled promise rejection');
    process.exit(1);
  });
  try {
    const app = await NestFactory.create(options.module, { logger: new NestPinoLogger(logger) });
    app.enableShutdownHooks();
    app.useGlobalFilters(new ProblemDetailsFilter(logger));
    app.useGlobalPipes(requestValidationPipe());
    app.useGlobalInterceptors(new HttpMetricsInterceptor(options.metrics));
    app.useGlobalGuards(new GatewayIdentityGuard(options.serviceName, options.identitySecret));
    SwaggerModule.setup('docs', app, withGatewayIdentityRefusal(openApiDocumentOf(app, options.openApi)), { jsonDocumentUrl: 'openapi.json' });
    if (options.consumesEvents) {
      connectEventConsumers(app);
      // Modules first (topics provisioned, indexes built), then consumers: subscribing to a
      // topic that is not created yet fails on a fresh broker.
      await app.init();
      await app.startAllMicroservices();
    }
    await app.listen(options.port, options.host);
    logger.info({ url: `http://${options.host}:${options.port}` }, `${options.serviceName} is listening`);
    return app;
  } catch (error) {
    logger.fatal({ err: error }, `${options.serviceName} failed to start`);
    process.exit(1);
  }
}

export interface StartServiceOptions<Config extends ServiceVariables> {
  readonly serviceName: string;
  /** The service's env.schema.ts: validated before anything else starts. */
  readonly envSchema: z.ZodType<Config>;
  readonly appModule: (config: Config, logger: Logger, metrics: Metrics) => DynamicModule;
  readonly consumesEvents: boolean;
  readonly openApi: RunServiceOptions['openApi'];
  /** The variable holding the HTTP port, when it is not HTTP_PORT (the gateway's GATEWAY_PORT). */
  readonly port?: (config: Config) => number;
}

/** A service's whole main.ts: validated config, masked JSON logger, metrics, then runService. */
export async function startService<Config extends ServiceVariables>(options: StartServiceOptions<Config>): Promise<INestApplication> {
  const config = loadConfigOrExit(options.serviceName, options.envSchema as z.ZodObject) as Config;
  const logger = createLogger(options.serviceName, config.LOG_LEVEL);
  const metrics = new Metrics(options.serviceName);
  return runService({
    serviceName: options.serviceName,
    module: options.appModule(config, logger, metrics),
    host: config.HTTP_HOST,
    port: options.port ? options.port(config) : config.HTTP_PORT,
    logger,
    metrics,
    consumesEvents: options.consumesEvents,
    openApi: options.openApi,
    identitySecret: config.ATRIUM_IDENTITY_SECRET,
  });
}
