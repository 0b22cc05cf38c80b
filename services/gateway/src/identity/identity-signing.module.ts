import { Global, Module, type DynamicModule } from '@nestjs/common';
import { IdentitySigner } from './identity-signer';

/** The one IdentitySigner of the gateway, for every module that calls a service. */
@Global()
@Module({})
export class IdentitySigningModule {
  static register(secret: string): DynamicModule {
    return {
      module: IdentitySigningModule,
      providers: [{ provide: IdentitySigner, useValue: new IdentitySigner(secret) }],
      exports: [IdentitySigner],
    };
  }
}
