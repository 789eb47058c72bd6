import { SetMetadata } from '@nestjs/common';

export const PUBLIC_ROUTE = Symbol('PUBLIC_ROUTE');

/** The route needs no authentication: health probes, development tokens. */
export const PublicRoute = (): ClassDecorator & MethodDecorator => SetMetadata(PUBLIC_ROUTE, true);

export const OPERATOR_ROUTE = Symbol('OPERATOR_ROUTE');

/**
 * Operations data (metrics, detailed readiness): open on a service's own port, which only the
 * cluster reaches; behind a token with the operator role on the gateway, which faces users.
 */
export const OperatorRoute = (): ClassDecorator & MethodDecorator => SetMetadata(OPERATOR_ROUTE, true);

export const SCRAPE_ROUTE = Symbol('SCRAPE_ROUTE');

/** The metrics a monitoring system scrapes: on the gateway also open to its scrape token, which grants nothing else. */
export const ScrapeRoute = (): ClassDecorator & MethodDecorator => SetMetadata(SCRAPE_ROUTE, true);
