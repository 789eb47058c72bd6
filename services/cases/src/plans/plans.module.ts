import { ActorsDirectory } from '@samverkan/messaging';
import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { CasesRepository } from '../cases/cases.repository';
import { PlanStepsHandlers } from './plan-steps.handlers';
import { PlanStepsRepository } from './plan-steps.repository';
import { PlanStepsService } from './plan-steps.service';

@Module({ imports: [AccessModule], controllers: [PlanStepsHandlers], providers: [PlanStepsService, PlanStepsRepository, CasesRepository, ActorsDirectory] })
export class PlansModule {}
