import { Module, type DynamicModule } from '@nestjs/common';
import { UPSTREAM_URLS, type UpstreamUrls } from '../forwarding/upstream-services';
import { UpstreamDocsController } from './upstream-docs.controller';
import { UpstreamDocsService } from './upstream-docs.service';

@Module({})
export class DocsModule {
  static register(urls: UpstreamUrls): DynamicModule {
    return {
      module: DocsModule,
      controllers: [UpstreamDocsController],
      providers: [{ provide: UPSTREAM_URLS, useValue: urls }, UpstreamDocsService],
    };
  }
}
