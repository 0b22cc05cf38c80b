import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import type { Metrics } from './metrics';
import { LOGGER, METRICS } from './tokens';

/** Makes the process's logger and metrics injectable everywhere (`@Inject(LOGGER)`). */
@Global()
@Module({})
export class ObservabilityModule {
  static forRoot(logger: Logger, metrics: Metrics): DynamicModule {
    return {
      module: ObservabilityModule,
      providers: [
        { provide: LOGGER, useValue: logger },
        { provide: METRICS, useValue: metrics },
      ],
      exports: [LOGGER, METRICS],
    };
  }
}
