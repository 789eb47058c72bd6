/**
 * Lets several systems share one NATS without seeing each other's messages: a test run or a
 * second demo sets a namespace, and every subject, stream and queue group gets it as a prefix.
 * The empty namespace leaves every name as declared.
 */
export class Namespace {
  constructor(readonly prefix: string) {}

  subject(subject: string): string {
    return this.prefix ? `${this.prefix}.${subject}` : subject;
  }

  /** Strips the prefix from a subject received on the wire. */
  localSubject(subject: string): string {
    return this.prefix && subject.startsWith(`${this.prefix}.`) ? subject.slice(this.prefix.length + 1) : subject;
  }

  stream(name: string): string {
    return this.prefix ? `${this.prefix.toUpperCase().replace(/-/g, '_')}_${name}` : name;
  }

  queue(name: string): string {
    return this.prefix ? `${this.prefix}-${name}` : name;
  }
}
