import { Module, type DynamicModule } from '@nestjs/common';
import { BullModule, getQueueToken } from '@nestjs/bullmq';
import { RedemptionStoreModule } from '../redemptions/redemption-store.module';
import { ReservationsController } from './reservations.controller';
import { ReservationSweepJob, SWEEP_QUEUE, sweepQueueNameOf } from './reservation-sweep.job';

/**
 * Shoppers' online reservations (reserve, collect at the desk, let go) and the sweep that
 * expires them. `redemptions` is the registered RedemptionsModule.
 */
@Module({})
export class ReservationsModule {
  static register(namespace: string, redemptions: DynamicModule): DynamicModule {
    const queueName = sweepQueueNameOf(namespace);
    return {
      module: ReservationsModule,
      imports: [redemptions, RedemptionStoreModule, BullModule.registerQueue({ name: queueName })],
      controllers: [ReservationsController],
      providers: [{ provide: SWEEP_QUEUE, useExisting: getQueueToken(queueName) }, ReservationSweepJob],
    };
  }
}
