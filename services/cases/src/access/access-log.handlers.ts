import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ListAccessLogQuery, Requests, type AccessLogEntryView, type AccessLogVerificationView, type ActorContext, type Page } from '@samverkan/contracts';
import { Actor } from '@samverkan/messaging';
import { AccessLogService } from './access-log.service';

@Controller()
export class AccessLogHandlers {
  constructor(private readonly accessLog: AccessLogService) {}

  @MessagePattern(Requests.cases.listAccessLog)
  list(@Payload() query: ListAccessLogQuery, @Actor() actor: ActorContext): Promise<Page<AccessLogEntryView>> {
    return this.accessLog.list(query, actor);
  }

  @MessagePattern(Requests.cases.verifyAccessLog)
  verify(@Actor() actor: ActorContext): Promise<AccessLogVerificationView> {
    return this.accessLog.verify(actor);
  }
}
