import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AddIndicatorCommand,
  AddLessonCommand,
  ListLessonsQuery,
  ProjectRef,
  RecordMeasurementCommand,
  Requests,
  SetCriticalFactorsCommand,
  type ActorContext,
  type CriticalFactorsView,
  type IndicatorView,
  type LessonView,
  type Page,
} from '@samverkan/contracts';
import { Actor } from '@samverkan/messaging';
import { ProjectLearningService } from './project-learning.service';

@Controller()
export class ProjectLearningHandlers {
  constructor(private readonly learning: ProjectLearningService) {}

  @MessagePattern(Requests.learning.addIndicator)
  addIndicator(@Payload() command: AddIndicatorCommand, @Actor() actor: ActorContext): Promise<IndicatorView> {
    return this.learning.addIndicator(command, actor);
  }

  @MessagePattern(Requests.learning.recordMeasurement)
  recordMeasurement(@Payload() command: RecordMeasurementCommand, @Actor() actor: ActorContext): Promise<IndicatorView> {
    return this.learning.recordMeasurement(command, actor);
  }

  /** Any staff member reads what a project learned: `@Actor()` refuses a request without one. */
  @MessagePattern(Requests.learning.listIndicators)
  listIndicators(@Payload() query: ProjectRef, @Actor() _actor: ActorContext): Promise<IndicatorView[]> {
    return this.learning.listIndicators(query);
  }

  @MessagePattern(Requests.learning.addLesson)
  addLesson(@Payload() command: AddLessonCommand, @Actor() actor: ActorContext): Promise<LessonView> {
    return this.learning.addLesson(command, actor);
  }

  @MessagePattern(Requests.learning.listLessons)
  listLessons(@Payload() query: ListLessonsQuery, @Actor() _actor: ActorContext): Promise<Page<LessonView>> {
    return this.learning.listLessons(query);
  }

  @MessagePattern(Requests.learning.setCriticalFactors)
  setCriticalFactors(@Payload() command: SetCriticalFactorsCommand, @Actor() actor: ActorContext): Promise<CriticalFactorsView> {
    return this.learning.setCriticalFactors(command, actor);
  }

  @MessagePattern(Requests.learning.getCriticalFactors)
  getCriticalFactors(@Payload() query: ProjectRef, @Actor() _actor: ActorContext): Promise<CriticalFactorsView> {
    return this.learning.getCriticalFactors(query);
  }
}
