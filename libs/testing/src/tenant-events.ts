import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { TenantRegisteredSchema, TenantStatus, TOPICS } from '@atrium/contracts';
import { EventCodec } from '@atrium/messaging';
import { infraEnv } from './infra-env';
import { signedFetch } from './signed-fetch';
import { waitFor } from './wait-for';

/** A tenant as a test needs it in the points service: its id, the name messages show, whether its sales earn. */
export interface TestTenant {
  readonly id: string;
  readonly name?: string;
  readonly status?: 'open' | 'closed';
}

const codec = new EventCodec([TOPICS.merchantEvents]);

/**
 * Announces tenants as the merchant-discount service's directory does, with tenant.registered
 * (revision 1) on its topic: how the points service's registry learns them. For tests that
 * need tenants in points without running the directory.
 */
export async function publishTenantsRegistered(tenants: readonly TestTenant[]): Promise<void> {
  const kafka = new Kafka({ clientId: `test-tenants-${randomUUID().slice(0, 8)}`, brokers: infraEnv().kafkaBrokers, logLevel: logLevel.NOTHING });
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  try {
    await producer.send({
      topic: TOPICS.merchantEvents.name,
      acks: -1,
      messages: tenants.map((tenant, index) => {
        const eventId = randomUUID();
        const value = codec.encode(
          TOPICS.merchantEvents,
          'tenant.registered',
          TenantRegisteredSchema,
          {
            tenant: {
              tenantId: tenant.id,
              brand: tenant.name ?? tenant.id,
              legalName: `${tenant.name ?? tenant.id} Ltd`,
              unitNumber: `T-${index + 1}`,
              floor: 'L1',
              category: 'other',
              status: tenant.status === 'closed' ? TenantStatus.CLOSED : TenantStatus.OPEN,
              revision: 1n,
              changedAt: timestampFromDate(new Date()),
            },
          },
          { eventId, key: tenant.id, occurredAt: new Date(), producer: 'merchant-discount', traceId: eventId },
        );
        return { key: tenant.id, value };
      }),
    });
  } finally {
    await producer.disconnect();
  }
}

/** Registers tenants in the points service at `pointsUrl` by their events, and waits until its registry lists them. */
export async function registerTenantsInPoints(pointsUrl: string, tenants: readonly TestTenant[]): Promise<void> {
  await publishTenantsRegistered(tenants);
  await waitForTenantsInPoints(pointsUrl, tenants);
}

/** Waits until the points service's registry (GET /tenants) holds each tenant with its status. */
export async function waitForTenantsInPoints(pointsUrl: string, tenants: readonly TestTenant[]): Promise<void> {
  await waitFor(
    `tenants ${tenants.map((tenant) => tenant.id).join(', ')} in the points registry`,
    async () => {
      const response = await signedFetch(`${pointsUrl}/tenants`);
      if (response.status !== 200) return undefined;
      const listed = new Map(((await response.json()) as { id: string; status: string }[]).map((tenant) => [tenant.id, tenant.status]));
      return tenants.every((tenant) => listed.get(tenant.id) === (tenant.status ?? 'open')) ? true : undefined;
    },
    120_000,
    250,
  );
}
