import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CreateStaffMemberCommand,
  GetStaffMemberQuery,
  ListStaffMembersQuery,
  Requests,
  UpdateStaffMemberCommand,
  type ActorContext,
  type Page,
  type StaffMemberView,
} from '@samverkan/contracts';
import { Actor } from '@samverkan/messaging';
import { StaffService } from './staff.service';

@Controller()
export class StaffHandlers {
  constructor(private readonly staff: StaffService) {}

  @MessagePattern(Requests.actors.getStaffMember)
  get(@Payload() query: GetStaffMemberQuery): Promise<StaffMemberView> {
    return this.staff.get(query.staffId);
  }

  @MessagePattern(Requests.actors.listStaffMembers)
  list(@Payload() query: ListStaffMembersQuery): Promise<Page<StaffMemberView>> {
    return this.staff.list(query);
  }

  @MessagePattern(Requests.actors.createStaffMember)
  create(@Payload() command: CreateStaffMemberCommand, @Actor() actor: ActorContext): Promise<StaffMemberView> {
    return this.staff.create(command, actor);
  }

  @MessagePattern(Requests.actors.updateStaffMember)
  update(@Payload() command: UpdateStaffMemberCommand, @Actor() actor: ActorContext): Promise<StaffMemberView> {
    return this.staff.update(command, actor);
  }
}
