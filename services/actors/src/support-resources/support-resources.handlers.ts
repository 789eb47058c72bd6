import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ListSupportResourcesQuery, Requests, type Page, type SupportResourceView } from '@samverkan/contracts';
import { SupportResourcesService } from './support-resources.service';

@Controller()
export class SupportResourcesHandlers {
  constructor(private readonly resources: SupportResourcesService) {}

  @MessagePattern(Requests.actors.listSupportResources)
  list(@Payload() query: ListSupportResourcesQuery): Promise<Page<SupportResourceView>> {
    return this.resources.list(query);
  }
}
