import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  DismissDuplicateCommand,
  ErasePersonCommand,
  GetPersonQuery,
  ListDuplicatesQuery,
  MergeDuplicateCommand,
  ReadSharedInformationQuery,
  RectifyPersonCommand,
  RegisterExtractQuery,
  Requests,
  type ActorContext,
  type DuplicateView,
  type ErasureView,
  type Page,
  type PersonView,
  type RegisterExtractView,
  type SharedInformationView,
} from '@samverkan/contracts';
import { Actor } from '@samverkan/messaging';
import { PersonsService } from './persons.service';
import { RegisterExtractService } from './register-extract.service';
import { SharedInformationService } from './shared-information.service';

@Controller()
export class PersonsHandlers {
  constructor(
    private readonly persons: PersonsService,
    private readonly extracts: RegisterExtractService,
    private readonly sharedInformation: SharedInformationService,
  ) {}

  /** Only referrals asks (requestCallers), on behalf of a staff member of a referral's receiver. */
  @MessagePattern(Requests.cases.readSharedInformation)
  readSharedInformation(@Payload() query: ReadSharedInformationQuery, @Actor() actor: ActorContext): Promise<SharedInformationView> {
    return this.sharedInformation.read(query, actor);
  }

  @MessagePattern(Requests.cases.getPerson)
  get(@Payload() query: GetPersonQuery, @Actor() actor: ActorContext): Promise<PersonView> {
    return this.persons.get(query, actor);
  }

  @MessagePattern(Requests.cases.rectifyPerson)
  rectify(@Payload() command: RectifyPersonCommand, @Actor() actor: ActorContext): Promise<PersonView> {
    return this.persons.rectify(command, actor);
  }

  @MessagePattern(Requests.cases.erasePerson)
  erase(@Payload() command: ErasePersonCommand, @Actor() actor: ActorContext): Promise<ErasureView> {
    return this.persons.erase(command, actor);
  }

  @MessagePattern(Requests.cases.getRegisterExtract)
  extract(@Payload() query: RegisterExtractQuery, @Actor() actor: ActorContext): Promise<RegisterExtractView> {
    return this.extracts.extract(query, actor);
  }

  @MessagePattern(Requests.cases.listDuplicates)
  listDuplicates(@Payload() query: ListDuplicatesQuery, @Actor() actor: ActorContext): Promise<Page<DuplicateView>> {
    return this.persons.listDuplicates(query, actor);
  }

  @MessagePattern(Requests.cases.mergeDuplicate)
  merge(@Payload() command: MergeDuplicateCommand, @Actor() actor: ActorContext): Promise<DuplicateView> {
    return this.persons.merge(command, actor);
  }

  @MessagePattern(Requests.cases.dismissDuplicate)
  dismiss(@Payload() command: DismissDuplicateCommand, @Actor() actor: ActorContext): Promise<DuplicateView> {
    return this.persons.dismiss(command, actor);
  }
}
