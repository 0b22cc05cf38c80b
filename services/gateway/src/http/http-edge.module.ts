import { Global, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GatewayProblemFilter } from './gateway-problem.filter';

/** The problem+json filter: Nest's global filter, and injectable for answers given outside Nest (proxy errors). */
@Global()
@Module({
  providers: [GatewayProblemFilter, { provide: APP_FILTER, useExisting: GatewayProblemFilter }],
  exports: [GatewayProblemFilter],
})
export class HttpEdgeModule {}
