import { Module } from '@nestjs/common';
import { ReferralsHandlers } from './referrals.handlers';
import { ReferralsRepository } from './referrals.repository';
import { ReferralsService } from './referrals.service';

@Module({ controllers: [ReferralsHandlers], providers: [ReferralsService, ReferralsRepository] })
export class ReferralsModule {}
