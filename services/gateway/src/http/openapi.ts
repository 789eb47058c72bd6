// The ambient module must travel with this file into every program that compiles it (the tests too).
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./class-transformer-storage.d.ts" />
import type { INestApplication, Type } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { PUBLIC_ROUTE } from '@samverkan/platform';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';

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
  markPublicOperations(app, document);
  const schemas = validationMetadatasToSchemas({ classTransformerMetadataStorage: defaultMetadataStorage, refPointerPrefix: '#/components/schemas/' });
  document.components = {
    ...document.components,
    schemas: { ...(document.components?.schemas ?? {}), ...(schemas as Record<string, SchemaObject>), Problem: problemSchema },
  };
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/v1/openapi.json', yamlDocumentUrl: 'api/v1/openapi.yaml' });
}

/**
 * Operations of @PublicRoute() handlers need no token: their `security` is empty, so clients and
 * tools do not send one (and fuzzers do not count a missing token as accepted-invalid).
 * Swagger names each operation `<Controller>_<method>`.
 */
function markPublicOperations(app: INestApplication, document: OpenAPIObject): void {
  const reflector = app.get(Reflector);
  const publicOperations = new Set<string>();
  for (const wrapper of app.get(DiscoveryService).getControllers()) {
    const controller = wrapper.metatype as Type | undefined;
    if (!controller) continue;
    for (const method of Object.getOwnPropertyNames(controller.prototype)) {
      const handler = (controller.prototype as Record<string, unknown>)[method];
      if (method === 'constructor' || typeof handler !== 'function') continue;
      if (reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [handler, controller])) publicOperations.add(`${controller.name}_${method}`);
    }
  }
  for (const path of Object.values(document.paths)) {
    for (const operation of Object.values(path) as Array<{ operationId?: string; security?: unknown[] }>) {
      if (operation?.operationId && publicOperations.has(operation.operationId)) operation.security = [];
    }
  }
}
