import { NotFoundError, UpstreamFailedError } from '@atrium/errors';

export class UnknownServiceError extends NotFoundError {
  constructor(service: string) {
    super('gateway.unknown-service', `There is no service "${service}" behind the gateway.`, [], { service });
  }
}

/** The service behind the route refused the connection, reset it or did not answer in time. */
export class UpstreamUnavailableError extends UpstreamFailedError {
  constructor(service: string, reason: string) {
    super('gateway.upstream-unavailable', `The ${service} service is not answering (${reason}).`, [], { service });
  }
}
