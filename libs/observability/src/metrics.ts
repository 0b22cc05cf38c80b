import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/**
 * One Prometheus registry per process, labelled with the service, holding Node's default
 * metrics plus what Atrium's libraries count (HTTP requests, events published and consumed).
 */
export class Metrics {
  readonly registry = new Registry();
  readonly httpRequests: Histogram<'method' | 'route' | 'status'>;
  readonly eventsPublished: Counter<'topic' | 'type'>;
  readonly eventsConsumed: Counter<'topic' | 'outcome'>;

  constructor(service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
    this.httpRequests = new Histogram({
      name: 'atrium_http_request_duration_seconds',
      help: 'HTTP requests served, by route and status',
      labelNames: ['method', 'route', 'status'],
      registers: [this.registry],
    });
    this.eventsPublished = new Counter({
      name: 'atrium_events_published_total',
      help: 'Events published to Kafka',
      labelNames: ['topic', 'type'],
      registers: [this.registry],
    });
    this.eventsConsumed = new Counter({
      name: 'atrium_events_consumed_total',
      help: 'Events consumed from Kafka by outcome (handled, duplicate, dead-lettered, retried)',
      labelNames: ['topic', 'outcome'],
      registers: [this.registry],
    });
  }
}
