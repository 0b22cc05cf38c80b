import { All, Controller, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Forwarded } from '../access/access.decorators';
import type { StaffRequest } from '../access/authenticated-staff';
import { parseForwardedUrl } from './forwarded-url';
import { UnknownServiceError } from './forwarding.errors';
import { isUpstreamService } from './upstream-services';
import { UpstreamProxies } from './upstream-proxies';

/**
 * Everything under /api/<service>/ that the gateway does not answer itself goes to the
 * service, once StaffAccessGuard has checked the token and the route-access table. Registered
 * last, so the gateway's own /api routes win. Each service documents its routes itself.
 */
@ApiExcludeController()
@Forwarded()
@Controller()
export class ForwardingController {
  constructor(private readonly proxies: UpstreamProxies) {}

  @All(['api/:service', 'api/:service/{*path}'])
  async forward(@Req() request: StaffRequest, @Res() response: Response): Promise<void> {
    const target = parseForwardedUrl(request.originalUrl);
    if (!target || !isUpstreamService(target.service)) throw new UnknownServiceError(target?.service ?? '');
    await this.proxies.forward(target.service, request, response);
  }
}
