import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { CasesRepository } from '../cases/cases.repository';
import { ConsentsHandlers } from './consents.handlers';
import { ConsentsRepository } from './consents.repository';
import { ConsentsService } from './consents.service';

@Module({ imports: [CasesModule], controllers: [ConsentsHandlers], providers: [ConsentsService, ConsentsRepository, CasesRepository] })
export class ConsentsModule {}
