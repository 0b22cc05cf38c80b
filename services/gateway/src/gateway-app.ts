import type { NestExpressApplication } from '@nestjs/platform-express';
import { NestFactory } from '@nestjs/core';
import { requestValidationPipe } from '@atrium/http-problem';
import { NestPinoLogger, type Logger, type Metrics } from '@atrium/observability';
import { AppModule } from './app.module';
import type { GatewayConfig } from './config/env.schema';
import { setUpGatewayDocs } from './docs/gateway-docs';
import { GatewayProblemFilter } from './http/gateway-problem.filter';
import { ownRoutesJsonParser } from './http/own-routes-json.parser';
import { requestMetricsMiddleware } from './http/request-metrics';
import { traceIdMiddleware } from './http/trace-id';

/**
 * Builds the gateway, ready to listen. It does what @atrium/service-kit's runService does
 * (problem+json, validation, OpenAPI) but with Nest's global body parser off: a parsed body
 * cannot be streamed to a service any more, so JSON is parsed for the gateway's own routes only.
 * Used by main.ts and by the integration tests, so both run the same app.
 */
export async function createGatewayApp(config: GatewayConfig, logger: Logger, metrics: Metrics): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config, logger, metrics), {
    logger: new NestPinoLogger(logger),
    bodyParser: false,
    abortOnError: false,
  });
  app.disable('x-powered-by');
  // Behind an ingress every client would otherwise share the ingress's address, and one
  // client's failed logins would lock everybody out.
  if (config.TRUST_PROXY_HOPS > 0) app.set('trust proxy', config.TRUST_PROXY_HOPS);
  const problems = app.get(GatewayProblemFilter);
  // Middleware added before init runs ahead of every route, in this order.
  app.use(traceIdMiddleware);
  app.use(requestMetricsMiddleware(metrics));
  app.use(ownRoutesJsonParser((error, request, response) => problems.respond(error, request, response)));
  app.useGlobalPipes(requestValidationPipe());
  setUpGatewayDocs(app);
  return app;
}
