import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { describeError, ErrorCode } from '../common/errors.js';

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('外商投资企业服务月评议平台 API')
    .setDescription(
      'The API of the foreign-invested enterprise evaluation platform. Every error answers with ' +
        '`{ statusCode, code, message, messages: { zh, en }, requestId, errors? }`.',
    )
    .setVersion('1')
    .addBearerAuth()
    .addCookieAuth('fie_session')
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    // Controller method names are the operationIds, and so the client's function names.
    operationIdFactory: (_controller, method) => method,
  });
  // Decorators apply in a different order under tsc and SWC (the tests); a fixed order keeps the document stable.
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item) as { parameters?: { in: string; name: string }[] }[]) {
      operation.parameters?.sort((a, b) => a.in.localeCompare(b.in) || a.name.localeCompare(b.name));
    }
  }
  document.components ??= {};
  document.components.schemas ??= {};
  document.components.schemas.ErrorDto = {
    type: 'object',
    required: ['statusCode', 'code', 'message', 'messages', 'requestId'],
    properties: {
      statusCode: { type: 'integer' },
      code: { type: 'string', enum: Object.values(ErrorCode) },
      message: { type: 'string' },
      messages: { type: 'object', required: ['zh', 'en'], properties: { zh: { type: 'string' }, en: { type: 'string' } } },
      requestId: { type: 'string' },
      errors: {
        type: 'array',
        items: {
          type: 'object',
          required: ['message'],
          properties: {
            field: { type: 'string', description: 'The field, or for a ballot the question path (`ratings[2].attitude`).' },
            row: { type: 'integer', description: 'An imported file\'s row, as Excel numbers it.' },
            column: { type: 'string' },
            code: { type: 'string', description: 'The kind of problem, e.g. `required`, `not-allowed`, `too-long`.' },
            message: { type: 'string' },
            messages: { type: 'object', required: ['zh', 'en'], properties: { zh: { type: 'string' }, en: { type: 'string' } } },
          },
        },
      },
    },
    example: { statusCode: 401, code: ErrorCode.Unauthenticated, message: describeError(ErrorCode.Unauthenticated).zh, messages: describeError(ErrorCode.Unauthenticated), requestId: '…' },
  };
  return document;
}

/** Serialised with sorted keys, so the committed copy changes only when the API does. */
export function stableJson(value: unknown): string {
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]));
  }
  return value;
}
