import { ActorsDirectory } from '@samverkan/messaging';
import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { CasesRepository } from '../cases/cases.repository';
import { HandoffsHandlers } from './handoffs.handlers';
import { HandoffsRepository } from './handoffs.repository';
import { HandoffsService } from './handoffs.service';

@Module({ imports: [AccessModule], controllers: [HandoffsHandlers], providers: [HandoffsService, HandoffsRepository, CasesRepository, ActorsDirectory] })
export class HandoffsModule {}
