import type { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { requestValidationPipe, ProblemDetailsFilter } from '@atrium/http-problem';
import { connectEventConsumers } from '@atrium/messaging';
import { NestPinoLogger, type Logger, type Metrics } from '@atrium/observability';
import { HttpMetricsInterceptor } from './http-metrics.interceptor';

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
}

/** Builds the OpenAPI document of an app's HTTP routes. */
export function openApiDocumentOf(app: INestApplication, openApi: RunServiceOptions['openApi']): OpenAPIObject {
  const config = new DocumentBuilder().setTitle(openApi.title).setDescription(openApi.description).setVersion('1').addBearerAuth().build();
  return SwaggerModule.createDocument(app, config);
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
    SwaggerModule.setup('docs', app, openApiDocumentOf(app, options.openApi), { jsonDocumentUrl: 'openapi.json' });
    if (options.consumesEvents) {
      connectEventConsumers(app);
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
