import { ActorsDirectory } from '@samverkan/messaging';
import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { AccessLogRepository } from '../access/access-log.repository';
import { CasesRepository } from '../cases/cases.repository';
import { ConsentsRepository } from '../consents/consents.repository';
import { IdentityProtector } from '../identity/identity-protector';
import { PlanStepsRepository } from '../plans/plan-steps.repository';
import { RetentionRepository } from '../retention/retention.repository';
import { PersonsHandlers } from './persons.handlers';
import { PersonsRepository } from './persons.repository';
import { PersonsService } from './persons.service';
import { RegisterExtractService } from './register-extract.service';
import { SharedInformationService } from './shared-information.service';

@Module({
  imports: [AccessModule],
  controllers: [PersonsHandlers],
  providers: [
    PersonsService,
    RegisterExtractService,
    SharedInformationService,
    PersonsRepository,
    RetentionRepository,
    CasesRepository,
    ConsentsRepository,
    PlanStepsRepository,
    AccessLogRepository,
    IdentityProtector,
    ActorsDirectory,
  ],
  exports: [PersonsService],
})
export class PersonsModule {}
