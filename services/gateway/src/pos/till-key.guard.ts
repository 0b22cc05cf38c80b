import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { TillKey } from './till-key.entity';
import { TillsService } from './tills.service';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

export interface TillRequest extends Request {
  tillKey?: TillKey;
}

/**
 * The gate of the till routes: a working till key within its rate, checked before the body is
 * read, so a till without a key learns that first. The routes are @Public() to the staff guard.
 */
@Injectable()
export class TillKeyGuard implements CanActivate {
  constructor(private readonly tills: TillsService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<TillRequest>();
    const header = request.headers.authorization;
    request.tillKey = await this.tills.admit(header === undefined ? undefined : BEARER.exec(header)?.[1]);
    return true;
  }
}
