import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { TOPICS, type TenantChanged, type TenantClosed, type TenantRegistered, type TenantState } from '@atrium/contracts';
import { ConsumeEvent, type ConsumedEvent } from '@atrium/messaging';
import { tenantOfState } from './tenant-state';
import { TenantsRepository } from './tenants.repository';

/**
 * The merchant-discount service's tenant directory, kept here to decide whether a sale earns.
 * Each event is validated against its contract by the runner (a message that breaks it, or a
 * tenant id no till could send, is dead-lettered) and applied once by event id (inbox); a late
 * or repeated revision changes nothing. All three events carry the whole state.
 */
@Controller()
export class TenantsConsumer {
  constructor(private readonly tenants: TenantsRepository) {}

  @ConsumeEvent(TOPICS.merchantEvents, 'tenant.registered')
  async onRegistered(@Payload() event: ConsumedEvent<TenantRegistered>): Promise<void> {
    await this.apply(event.payload.tenant);
  }

  @ConsumeEvent(TOPICS.merchantEvents, 'tenant.changed')
  async onChanged(@Payload() event: ConsumedEvent<TenantChanged>): Promise<void> {
    await this.apply(event.payload.tenant);
  }

  @ConsumeEvent(TOPICS.merchantEvents, 'tenant.closed')
  async onClosed(@Payload() event: ConsumedEvent<TenantClosed>): Promise<void> {
    await this.apply(event.payload.tenant);
  }

  private async apply(state: TenantState | undefined): Promise<void> {
    // The contract requires the state; the runner has checked it is there.
    if (state) await this.tenants.apply(tenantOfState(state));
  }
}
