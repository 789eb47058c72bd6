import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  GetProjectQuery,
  ImportEsfPageBody,
  ListProjectsQuery,
  Requests,
  type ActorContext,
  type ImportedProjectView,
  type Page,
  type ProjectView,
  UpdateProjectCommand,
} from '@samverkan/contracts';
import { Actor } from '@samverkan/messaging';
import { ProjectsService } from './projects.service';

@Controller()
export class ProjectsHandlers {
  constructor(private readonly projects: ProjectsService) {}

  @MessagePattern(Requests.learning.importProject)
  importPage(@Payload() command: ImportEsfPageBody, @Actor() actor: ActorContext): Promise<ImportedProjectView> {
    return this.projects.importPage(command, actor);
  }

  /** Any staff member reads the portfolio: `@Actor()` refuses a request without one. */
  @MessagePattern(Requests.learning.listProjects)
  list(@Payload() query: ListProjectsQuery, @Actor() _actor: ActorContext): Promise<Page<ProjectView>> {
    return this.projects.list(query);
  }

  @MessagePattern(Requests.learning.getProject)
  get(@Payload() query: GetProjectQuery, @Actor() _actor: ActorContext): Promise<ProjectView> {
    return this.projects.get(query);
  }

  @MessagePattern(Requests.learning.updateProject)
  update(@Payload() command: UpdateProjectCommand, @Actor() actor: ActorContext): Promise<ProjectView> {
    return this.projects.update(command, actor);
  }
}
