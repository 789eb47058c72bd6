import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { ConsentsHandlers } from './consents.handlers';
import { ConsentsRepository } from './consents.repository';
import { ConsentsService } from './consents.service';

@Module({ imports: [CasesModule], controllers: [ConsentsHandlers], providers: [ConsentsService, ConsentsRepository] })
export class ConsentsModule {}
