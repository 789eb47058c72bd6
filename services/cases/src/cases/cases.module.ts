import { Module } from '@nestjs/common';
import { IdentityProtector } from '../identity/identity-protector';
import { CasesHandlers } from './cases.handlers';
import { CasesRepository } from './cases.repository';
import { CasesService } from './cases.service';

@Module({
  controllers: [CasesHandlers],
  providers: [CasesService, CasesRepository, IdentityProtector],
  exports: [CasesService],
})
export class CasesModule {}
