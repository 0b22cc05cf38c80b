import { Module, type DynamicModule } from '@nestjs/common';
import { ForwardingController } from './forwarding.controller';
import { UPSTREAM_URLS, type UpstreamUrls } from './upstream-services';
import { UPSTREAM_IDLE_SOCKETS, UpstreamProxies } from './upstream-proxies';

/** Forwards staff calls to the services; import it after every module with /api routes of its own. */
@Module({})
export class ForwardingModule {
  static register(urls: UpstreamUrls, idleSockets: number): DynamicModule {
    return {
      module: ForwardingModule,
      controllers: [ForwardingController],
      providers: [{ provide: UPSTREAM_URLS, useValue: urls }, { provide: UPSTREAM_IDLE_SOCKETS, useValue: idleSockets }, UpstreamProxies],
    };
  }
}
