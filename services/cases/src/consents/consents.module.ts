import { ActorsDirectory } from '@samverkan/messaging';
import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { CasesRepository } from '../cases/cases.repository';
import { ConsentsHandlers } from './consents.handlers';
import { ConsentsRepository } from './consents.repository';
import { ConsentsService } from './consents.service';

@Module({ imports: [AccessModule], controllers: [ConsentsHandlers], providers: [ConsentsService, ConsentsRepository, CasesRepository, ActorsDirectory] })
export class ConsentsModule {}
