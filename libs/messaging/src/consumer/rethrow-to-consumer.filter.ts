import { Catch, type RpcExceptionFilter } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';

/**
 * NestJS's default RPC filter turns every error into "Internal server error", which would
 * hide whether a failure is worth retrying. This filter hands the original error back to the
 * KafkaEventServer, which decides between retry and dead letter.
 */
@Catch()
export class RethrowToConsumerFilter implements RpcExceptionFilter<unknown> {
  catch(exception: unknown): Observable<never> {
    return throwError(() => exception);
  }
}
