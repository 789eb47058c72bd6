import { Module } from '@nestjs/common';
import { CasesRepository } from '../cases/cases.repository';
import { AccessLog } from './access-log';
import { AccessLogHandlers } from './access-log.handlers';
import { AccessLogRepository } from './access-log.repository';
import { AccessLogService } from './access-log.service';
import { CaseAccess } from './case-access';

/** The access policy's gate to cases and the access log, for every module that touches a person's data. */
@Module({
  controllers: [AccessLogHandlers],
  providers: [AccessLog, AccessLogRepository, AccessLogService, CaseAccess, CasesRepository],
  exports: [AccessLog, CaseAccess],
})
export class AccessModule {}
