import { Controller, Get, Param } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../access/access.decorators';
import { UnknownServiceError } from '../forwarding/forwarding.errors';
import { isUpstreamService } from '../forwarding/upstream-services';
import { UpstreamDocsService, type OpenApiDocument } from './upstream-docs.service';

/** The services' OpenAPI documents for the gateway's Swagger UI; public, like the UI itself. */
@ApiExcludeController()
@Controller()
export class UpstreamDocsController {
  constructor(private readonly docs: UpstreamDocsService) {}

  @Public()
  @Get('api/:service/openapi.json')
  async document(@Param('service') service: string): Promise<OpenApiDocument> {
    if (!isUpstreamService(service)) throw new UnknownServiceError(service);
    return this.docs.documentOf(service);
  }
}
