import { randomUUID } from 'node:crypto';
import { TOPICS } from '@atrium/contracts';
import { infraEnv, startConsumerGroupsAtEnd, startServiceProcess, type ServiceProcess } from '@atrium/testing';

/** The ports of one test's services: each test file its own, so files never share a process. */
export interface StackPorts {
  readonly gateway: number;
  readonly member: number;
  readonly points: number;
  readonly sms: number;
}

/** Member, points, SMS and the gateway in front of them, as a shopper and the desk reach them. */
export interface ShopperStack {
  readonly gateway: string;
  /** The first admin, from the gateway's environment: signs staff in. */
  readonly admin: { readonly username: string; readonly password: string };
  readonly twilio: { readonly accountSid: string; readonly authToken: string; readonly apiBaseUrl: string };
  stop(): Promise<void>;
}

/**
 * Starts the services a shopper's journey crosses, built, as child processes on the real
 * servers. Each service gets consumer groups and a database of this run (named after `name`),
 * its groups at the topics' end: the shared topics hold every earlier run's events, which are
 * not this test's business. SMS goes to the local Twilio endpoint, from `twilioFrom`.
 */
export async function startShopperStack(name: string, ports: StackPorts, twilioFrom: string): Promise<ShopperStack> {
  const env = infraEnv();
  const shared = { KAFKA_BROKERS: env.kafkaBrokers.join(','), MONGO_URL: env.mongoUrl, REDIS_URL: env.redisUrl };
  const admin = { username: `e2e-admin-${randomUUID().slice(0, 8)}`, password: `pw-${randomUUID()}` };
  const twilio = { accountSid: requiredEnv('TWILIO_ACCOUNT_SID'), authToken: requiredEnv('TWILIO_AUTH_TOKEN'), apiBaseUrl: requiredEnv('TWILIO_API_BASE_URL') };
  const gateway = `http://127.0.0.1:${ports.gateway}`;
  const run = randomUUID().slice(0, 8);
  const own = (service: string) => ({ KAFKA_CONSUMER_GROUP: `e2e-${name}-${service}-${run}`, MONGO_DATABASE: `atrium_e2e_${name}_${service}_${run}` });
  const topics = [TOPICS.memberEvents.name, TOPICS.pointsEvents.name, TOPICS.smsEvents.name, TOPICS.purchases.name, TOPICS.outreachEvents.name, TOPICS.merchantEvents.name];
  await Promise.all(['member', 'points', 'sms'].map((service) => startConsumerGroupsAtEnd(own(service).KAFKA_CONSUMER_GROUP, topics)));
  const services: ServiceProcess[] = await Promise.all([
    // Every e2e file asks for codes from 127.0.0.1 and the per-address window lives in the shared
    // Redis for an hour; the per-phone limits are what these journeys meet.
    startServiceProcess('member', ports.member, { ...shared, ...own('member'), HTTP_PORT: String(ports.member), VERIFICATION_MAX_CODES_PER_ADDRESS_PER_HOUR: '10000' }),
    startServiceProcess('points', ports.points, { ...shared, ...own('points'), HTTP_PORT: String(ports.points) }),
    startServiceProcess('sms-campaign', ports.sms, {
      ...shared,
      ...own('sms'),
      HTTP_PORT: String(ports.sms),
      TWILIO_ACCOUNT_SID: twilio.accountSid,
      TWILIO_AUTH_TOKEN: twilio.authToken,
      TWILIO_API_BASE_URL: twilio.apiBaseUrl,
      TWILIO_FROM: twilioFrom,
      TWILIO_WEBHOOK_BASE_URL: `${gateway}/api/webhooks/twilio`,
    }),
    startServiceProcess('gateway', ports.gateway, {
      ...shared,
      GATEWAY_PORT: String(ports.gateway),
      JWT_SECRET: randomUUID() + randomUUID(),
      ATRIUM_ADMIN_USERNAME: admin.username,
      ATRIUM_ADMIN_PASSWORD: admin.password,
      MEMBER_SERVICE_URL: `http://127.0.0.1:${ports.member}`,
      POINTS_SERVICE_URL: `http://127.0.0.1:${ports.points}`,
      SMS_CAMPAIGN_SERVICE_URL: `http://127.0.0.1:${ports.sms}`,
    }),
  ]);
  return {
    gateway,
    admin,
    twilio,
    stop: async () => {
      await Promise.all(services.map((service) => service.stop()));
    },
  };
}

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: the integration global setup reads it from .infra/env (scripts/infra up)`);
  return value;
}
