import { Global, Module, type DynamicModule } from '@nestjs/common';

/** Makes a service's validated configuration injectable everywhere under its token. */
@Global()
@Module({})
export class ServiceConfigModule {
  static register(token: symbol, config: object): DynamicModule {
    return { module: ServiceConfigModule, providers: [{ provide: token, useValue: config }], exports: [token] };
  }
}
