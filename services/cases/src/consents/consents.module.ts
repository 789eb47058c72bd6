import { Module } from '@nestjs/common';
import { Directory } from '../directory/directory';
import { AccessModule } from '../access/access.module';
import { CasesRepository } from '../cases/cases.repository';
import { ConsentsHandlers } from './consents.handlers';
import { ConsentsRepository } from './consents.repository';
import { ConsentsService } from './consents.service';

@Module({ imports: [AccessModule], controllers: [ConsentsHandlers], providers: [ConsentsService, ConsentsRepository, CasesRepository, Directory] })
export class ConsentsModule {}
