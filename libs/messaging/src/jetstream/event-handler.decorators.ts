import { SetMetadata } from '@nestjs/common';
import type { EventType } from '@samverkan/contracts';

export const EVENTS_HANDLER_CONSUMER = Symbol('EVENTS_HANDLER_CONSUMER');
export const ON_EVENT_TYPE = Symbol('ON_EVENT_TYPE');

/** Marks a provider whose @OnEvent methods are fed by the named durable consumer. */
export const EventsHandler = (consumer: string): ClassDecorator => SetMetadata(EVENTS_HANDLER_CONSUMER, consumer);

/**
 * The method handles these event types (usually one; several where the handling is the same for
 * every type of a family, so a type added to the family is handled without a change); it receives
 * the validated data and the envelope.
 */
export const OnEvent = (...types: [EventType, ...EventType[]]): MethodDecorator => SetMetadata(ON_EVENT_TYPE, types);
