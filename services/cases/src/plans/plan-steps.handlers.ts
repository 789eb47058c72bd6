import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { AddPlanStepCommand, ListPlanStepsQuery, Requests, UpdatePlanStepCommand, type ActorContext, type PlanStepView } from '@samverkan/contracts';
import { Actor } from '@samverkan/messaging';
import { PlanStepsService } from './plan-steps.service';

@Controller()
export class PlanStepsHandlers {
  constructor(private readonly steps: PlanStepsService) {}

  @MessagePattern(Requests.cases.listPlanSteps)
  list(@Payload() query: ListPlanStepsQuery, @Actor() actor: ActorContext): Promise<PlanStepView[]> {
    return this.steps.list(query, actor);
  }

  @MessagePattern(Requests.cases.addPlanStep)
  add(@Payload() command: AddPlanStepCommand, @Actor() actor: ActorContext): Promise<PlanStepView> {
    return this.steps.add(command, actor);
  }

  @MessagePattern(Requests.cases.updatePlanStep)
  update(@Payload() command: UpdatePlanStepCommand, @Actor() actor: ActorContext): Promise<PlanStepView> {
    return this.steps.update(command, actor);
  }
}
