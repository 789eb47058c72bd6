// The ambient module must travel with this file into every program that compiles it (the tests too).
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./class-transformer-storage.d.ts" />
import type { INestApplication, Type } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { PUBLIC_ROUTE } from '@samverkan/platform';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { getMetadataStorage, IS_OPTIONAL, ValidationTypes } from 'class-validator';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';
import { defaultConverters, type SchemaConverter } from 'class-validator-jsonschema/build/defaultConverters';

type SchemaOrReference = NonNullable<NonNullable<OpenAPIObject['components']>['schemas']>[string];
type SchemaObject = Exclude<SchemaOrReference, { $ref: string }>;
type ReferenceObject = Extract<SchemaOrReference, { $ref: string }>;

/** A reference to the schema generated from a contract class's validation rules. */
export function schemaRef(type: { name: string }): ReferenceObject {
  return { $ref: `#/components/schemas/${type.name}` };
}

export function pageOf(type: { name: string }): SchemaObject {
  return {
    type: 'object',
    required: ['items', 'nextCursor'],
    properties: { items: { type: 'array', items: schemaRef(type) }, nextCursor: { type: 'string', nullable: true } },
  };
}

export const problemSchema: SchemaObject = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail', 'code'],
  properties: {
    type: { type: 'string', format: 'uri' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    code: { type: 'string' },
    errors: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } } },
    correlationId: { type: 'string' },
  },
};

/**
 * Serves the OpenAPI document at /api/v1/openapi.json and a browsable page at /api/docs. Request
 * and response schemas come from the class-validator rules of the contracts, so the document
 * cannot drift from what the services validate.
 */
export function setUpOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('samverkan API')
    .setDescription('Coordinated support paths for people outside the labour market in Örebro län.')
    .setVersion('1')
    .addBearerAuth()
    .addSecurityRequirements('bearer')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  const schemas = validationMetadatasToSchemas({
    classTransformerMetadataStorage: defaultMetadataStorage,
    refPointerPrefix: '#/components/schemas/',
    additionalConverters: {
      [ValidationTypes.CUSTOM_VALIDATION]: customValidationSchema,
      // @IsOptional() lets null through as well as a missing field; @IsOmittable() fields stay non-null.
      [ValidationTypes.CONDITIONAL_VALIDATION]: (meta) => (meta.name === IS_OPTIONAL ? { nullable: true } : {}),
    },
  });
  completeOperations(app, document, schemas as Record<string, SchemaObject>);
  document.components = {
    ...document.components,
    schemas: { ...(document.components?.schemas ?? {}), ...(schemas as Record<string, SchemaObject>), Problem: problemSchema },
  };
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/v1/openapi.json', yamlDocumentUrl: 'api/v1/openapi.yaml' });
}

/** How our own validators, and class-validator's that the converter library leaves blank, look to clients. */
const customSchemas: Record<string, SchemaObject> = {
  isSwedishIdentityNumber: {
    type: 'string',
    description: 'Personnummer or samordningsnummer, YYYYMMDD-NNNC or YYMMDD-NNNC, with a valid check digit',
    pattern: '^(\\d{2})?\\d{6}[-+]?\\d{4}$',
    example: '19121212-1212', // Skatteverket's test person, Tolvan Tolvansson
  },
  isOrganisationNumber: {
    type: 'string',
    description: 'Swedish organisation number of a legal entity, NNNNNN-NNNN, with a valid check digit',
    pattern: '^\\d{2}[2-9]\\d{3}-?\\d{4}$',
    example: '802459-6127',
  },
  isCalendarDate: { type: 'string', format: 'date', example: '2026-01-12' },
  isFutureCalendarDate: { type: 'string', format: 'date', description: 'A calendar date after today in Sweden', example: '2099-12-31' },
  isPastInstant: { type: 'string', format: 'date-time', description: 'A time that is not in the future', example: '2026-01-12T09:00:00Z' },
  isISO6391: { type: 'string', description: 'ISO 639-1 language code', pattern: '^[a-z]{2}$', example: 'ar' },
  isPhoneNumber: { type: 'string', example: '019-21 10 00' },
  isPostalCode: { type: 'string', example: '701 35' },
  isWebhookUrl: {
    type: 'string',
    format: 'uri',
    description: 'An https URL without credentials (plain http only to localhost, and only where the deployment allows it: development and tests)',
    pattern: '^[Hh][Tt][Tt][Pp][Ss]?://[!-~]+$',
    example: 'https://system.example.se/samverkan/webhooks',
  },
  // Compares two fields; the type comes from the field's other rules.
  isNotLessThan: {},
};

/** Our own validators, described for clients; everything else as class-validator-jsonschema does. */
const customValidationSchema: SchemaConverter = (meta, options) => {
  const [constraint] = getMetadataStorage().getTargetValidatorConstraints(meta.constraintCls);
  const known = constraint?.name ? customSchemas[constraint.name] : undefined;
  if (known) return known as ReturnType<SchemaConverter>;
  return (defaultConverters[ValidationTypes.CUSTOM_VALIDATION] as SchemaConverter)(meta, options);
};

interface OperationFacts {
  public: boolean;
  /** The class a handler takes its whole query string as, e.g. ListReferralsFilter. */
  query?: string;
}

/** What the document cannot know from Swagger's own decorators, per `<Controller>_<method>` operation id. */
function operationFacts(app: INestApplication): Map<string, OperationFacts> {
  const reflector = app.get(Reflector);
  const facts = new Map<string, OperationFacts>();
  for (const wrapper of app.get(DiscoveryService).getControllers()) {
    const controller = wrapper.metatype as Type | undefined;
    if (!controller) continue;
    for (const method of Object.getOwnPropertyNames(controller.prototype)) {
      const handler = (controller.prototype as Record<string, unknown>)[method];
      if (method === 'constructor' || typeof handler !== 'function') continue;
      const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) ?? {}) as Record<string, { index: number; data?: unknown }>;
      const types = (Reflect.getMetadata('design:paramtypes', controller.prototype, method) ?? []) as Array<{ name?: string } | undefined>;
      const whole = Object.entries(args).find(([key, arg]) => key.startsWith(`${RouteParamtypes.QUERY}:`) && arg.data === undefined);
      facts.set(`${controller.name}_${method}`, {
        public: reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [handler, controller]) ?? false,
        query: whole ? types[whole[1].index]?.name : undefined,
      });
    }
  }
  return facts;
}

/**
 * Completes the document from the handlers: operations of @PublicRoute() handlers need no token
 * (empty `security`), and a handler that takes its query string as a contract class gets that
 * class's fields as query parameters, with the same rules the gateway validates them by.
 */
function completeOperations(app: INestApplication, document: OpenAPIObject, schemas: Record<string, SchemaObject>): void {
  const facts = operationFacts(app);
  for (const path of Object.values(document.paths)) {
    for (const operation of Object.values(path) as Array<{ operationId?: string; security?: unknown[]; parameters?: unknown[] }>) {
      const fact = operation?.operationId ? facts.get(operation.operationId) : undefined;
      if (!fact) continue;
      if (fact.public) operation.security = [];
      const schema = fact.query ? schemas[fact.query] : undefined;
      if (!schema?.properties) continue;
      const required = new Set(schema.required ?? []);
      const parameters = Object.entries(schema.properties).map(([name, property]) => ({ name, in: 'query', required: required.has(name), schema: property }));
      operation.parameters = [...(operation.parameters ?? []), ...parameters];
    }
  }
}
