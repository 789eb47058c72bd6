import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { CasesRepository } from '../cases/cases.repository';
import { Directory } from '../directory/directory';
import { PlanStepsHandlers } from './plan-steps.handlers';
import { PlanStepsRepository } from './plan-steps.repository';
import { PlanStepsService } from './plan-steps.service';

@Module({ imports: [AccessModule], controllers: [PlanStepsHandlers], providers: [PlanStepsService, PlanStepsRepository, CasesRepository, Directory] })
export class PlansModule {}
