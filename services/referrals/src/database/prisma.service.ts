import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client';
import { REFERRALS_CONFIG } from '../config.token';
import type { ReferralsConfig } from '../config';

@Injectable()
export class PrismaService extends PrismaClient implements OnApplicationShutdown {
  constructor(@Inject(REFERRALS_CONFIG) config: ReferralsConfig) {
    super({ adapter: new PrismaPg({ connectionString: config.databaseUrl, max: config.databasePoolSize }) });
  }

  /** Last, after consumers, the relay and the request listener have stopped using it. */
  async onApplicationShutdown(): Promise<void> {
    await this.$disconnect();
  }
}
