import { Module } from '@nestjs/common';
import { Directory } from '../directory/directory';
import { AccessModule } from '../access/access.module';
import { CasesRepository } from '../cases/cases.repository';
import { HandoffsHandlers } from './handoffs.handlers';
import { HandoffsRepository } from './handoffs.repository';
import { HandoffsService } from './handoffs.service';

@Module({ imports: [AccessModule], controllers: [HandoffsHandlers], providers: [HandoffsService, HandoffsRepository, CasesRepository, Directory] })
export class HandoffsModule {}
