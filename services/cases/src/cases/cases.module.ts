import { ActorsDirectory } from '@samverkan/messaging';
import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { ConsentsRepository } from '../consents/consents.repository';
import { PersonsModule } from '../persons/persons.module';
import { CasesHandlers } from './cases.handlers';
import { CasesRepository } from './cases.repository';
import { CasesService } from './cases.service';

@Module({
  imports: [AccessModule, PersonsModule],
  controllers: [CasesHandlers],
  providers: [CasesService, CasesRepository, ConsentsRepository, ActorsDirectory],
})
export class CasesModule {}
