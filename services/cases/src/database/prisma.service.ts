import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client';
import { CASES_CONFIG } from '../config.token';
import type { CasesConfig } from '../config';

@Injectable()
export class PrismaService extends PrismaClient implements OnApplicationShutdown {
  constructor(@Inject(CASES_CONFIG) config: CasesConfig) {
    super({ adapter: new PrismaPg({ connectionString: config.databaseUrl, max: config.databasePoolSize }) });
  }

  /** Last, after consumers, the relay and the request listener have stopped using it. */
  async onApplicationShutdown(): Promise<void> {
    await this.$disconnect();
  }
}
