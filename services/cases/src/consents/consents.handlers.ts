import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CheckConsentQuery, RecordConsentCommand, Requests, type ConsentCheckResult, type ConsentView } from '@samverkan/contracts';
import { ConsentsService } from './consents.service';

@Controller()
export class ConsentsHandlers {
  constructor(private readonly consents: ConsentsService) {}

  @MessagePattern(Requests.cases.recordConsent)
  record(@Payload() command: RecordConsentCommand): Promise<ConsentView> {
    return this.consents.record(command);
  }

  @MessagePattern(Requests.cases.checkConsent)
  check(@Payload() query: CheckConsentQuery): Promise<ConsentCheckResult> {
    return this.consents.check(query);
  }
}
