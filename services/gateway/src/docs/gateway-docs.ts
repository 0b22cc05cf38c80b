import type { INestApplication } from '@nestjs/common';
import { SwaggerModule } from '@nestjs/swagger';
import { openApiDocumentOf } from '@atrium/service-kit';
import { UPSTREAM_SERVICES } from '../forwarding/upstream-services';

export const DOCS_PATH = 'api/docs';
export const GATEWAY_DOCUMENT_PATH = 'api/openapi.json';

/**
 * One Swagger UI at /api/docs for every route behind the gateway: its own document (auth and
 * staff) and each service's, chosen in the UI's selector. Must be called before the app's
 * routes are registered (before init/listen), so /api/docs is not taken for a service name.
 */
export function setUpGatewayDocs(app: INestApplication): void {
  const document = openApiDocumentOf(app, {
    title: 'Atrium gateway',
    description: 'Staff sign-in and accounts. Every other /api/<service>/ route is the service\'s own; pick it in the selector.',
  });
  // The till routes (/api/pos/purchases, /refunds) take a tenant's API key, not a staff token.
  document.components = {
    ...document.components,
    securitySchemes: {
      ...document.components?.securitySchemes,
      'till-key': { type: 'http', scheme: 'bearer', bearerFormat: 'atk_<key id>_<secret>', description: "A tenant's till API key, issued by a supervisor at POST /api/pos/keys" },
    },
  };
  SwaggerModule.setup(DOCS_PATH, app, document, {
    jsonDocumentUrl: GATEWAY_DOCUMENT_PATH,
    swaggerOptions: {
      urls: [
        { name: 'gateway', url: `/${GATEWAY_DOCUMENT_PATH}` },
        ...UPSTREAM_SERVICES.map((service) => ({ name: service, url: `/api/${service}/openapi.json` })),
      ],
      'urls.primaryName': 'gateway',
      persistAuthorization: true,
    },
  });
}
