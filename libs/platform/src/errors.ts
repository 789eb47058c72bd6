/** PostgreSQL or NATS could not be reached at start-up; the message is the one line to print. */
export class InfrastructureUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InfrastructureUnavailableError';
  }
}

/** Hides the password of a connection URL before it is logged or printed. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable URL)';
  }
}

export function describeError(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return describeError(error.errors[0]);
  if (error instanceof Error) return (error as NodeJS.ErrnoException).code ?? error.message;
  return String(error);
}
