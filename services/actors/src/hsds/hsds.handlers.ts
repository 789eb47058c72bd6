import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { Requests, type HsdsExportView } from '@samverkan/contracts';
import { HsdsExportService } from './hsds.service';

@Controller()
export class HsdsHandlers {
  constructor(private readonly hsds: HsdsExportService) {}

  @MessagePattern(Requests.actors.exportHsds)
  export(): Promise<HsdsExportView> {
    return this.hsds.export();
  }
}
