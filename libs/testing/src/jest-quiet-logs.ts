import { Logger } from '@nestjs/common';

// Unit tests exercise error paths on purpose; their logs only hide real failures. Set
// TEST_LOG_LEVEL to see them. (Apps under test log through pino at TEST_LOG_LEVEL too.)
if (!process.env['TEST_LOG_LEVEL']) Logger.overrideLogger(false);
