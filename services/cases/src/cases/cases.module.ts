import { Module } from '@nestjs/common';
import { Directory } from '../directory/directory';
import { AccessModule } from '../access/access.module';
import { ConsentsRepository } from '../consents/consents.repository';
import { IdentityProtector } from '../identity/identity-protector';
import { CasesHandlers } from './cases.handlers';
import { CasesRepository } from './cases.repository';
import { CasesService } from './cases.service';

@Module({
  imports: [AccessModule],
  controllers: [CasesHandlers],
  providers: [CasesService, CasesRepository, ConsentsRepository, IdentityProtector, Directory],
})
export class CasesModule {}
