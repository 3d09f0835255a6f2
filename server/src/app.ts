import { existsSync } from 'node:fs';
import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import { AppModule } from './app.module.js';
import { errorBody } from './common/error-body.js';
import { ErrorCode } from './common/errors.js';
import { logRequests, PinoNestLogger } from './common/logger.js';
import { assignRequestId, runInContext } from './common/request-context.js';
import type { AppConfig } from './config/app-config.js';
import type { DatabaseRuntime } from './database/database.js';
import { buildOpenApiDocument } from './openapi/openapi.js';

export const BODY_LIMIT = '1mb';
/**
 * Answers get more room, so that an over-long answer (a pasted 2 MB text) is refused by the
 * questionnaire's own check, under the question it belongs to, rather than as a whole request.
 */
export const ANSWER_BODY_LIMIT = '4mb';
const isAnswerRoute = (req: Request) => req.path.startsWith('/api/s/');

/** The Nest app with every cross-cutting piece wired; listening is left to the caller. */
export async function createApp(config: AppConfig, database: DatabaseRuntime, logger: Logger): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, database), {
    logger: new PinoNestLogger(logger),
    bodyParser: false,
    abortOnError: false,
  });
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  // API answers are never revalidated; hashing every body for an ETag is wasted work.
  // (Static files get theirs from express.static.)
  app.set('etag', false);
  app.setGlobalPrefix('api');

  app.use(assignRequestId);
  app.use(logRequests(logger));
  const json = express.json({ limit: BODY_LIMIT });
  const answerJson = express.json({ limit: ANSWER_BODY_LIMIT });
  app.use((req: Request, res: Response, next: NextFunction) => (isAnswerRoute(req) ? answerJson : json)(req, res, next));
  app.use(express.urlencoded({ extended: false, limit: BODY_LIMIT }));
  app.use(expressErrors(logger));
  app.use(cookieParser());
  app.use(runInContext);

  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json', customSiteTitle: 'FIE evaluation API' });
  serveClient(app, config, logger);
  return app;
}

/**
 * Errors raised by Express middleware (body parsers, static files) never reach Nest's
 * filter; answer them in the same shape.
 */
function expressErrors(logger: Logger) {
  return (error: unknown, req: Request, res: Response, next: NextFunction): void => {
    if (res.headersSent) return next(error);
    const { type, status } = (error ?? {}) as { type?: string; status?: number };
    const code =
      type === 'entity.too.large' ? (isAnswerRoute(req) ? ErrorCode.AnswersTooLarge : ErrorCode.PayloadTooLarge)
      : type === 'entity.parse.failed' ? ErrorCode.MalformedJson
      : type === 'encoding.unsupported' || type === 'charset.unsupported' ? ErrorCode.UnsupportedMediaType
      : status === 404 ? ErrorCode.NotFound
      : status && status >= 400 && status < 500 ? ErrorCode.BadRequest
      : ErrorCode.Internal;
    if (code === ErrorCode.Internal) logger.error({ err: error, requestId: req.id }, 'request failed');
    const body = errorBody(req, code);
    res.status(body.statusCode).json(body);
  };
}

/** The built console and answer pages from the same port; any non-API path falls back to index.html. */
function serveClient(app: NestExpressApplication, config: AppConfig, logger: Logger): void {
  const index = path.join(config.clientDist, 'index.html');
  if (!existsSync(index)) {
    logger.warn({ clientDist: config.clientDist }, 'the client is not built; only the API is served (run npm run build)');
    return;
  }
  const files = express.static(config.clientDist, { index: false, maxAge: '1h', setHeaders: cacheForever });
  // API requests never look at the disk.
  const isApi = (req: Request) => req.path === '/api' || req.path.startsWith('/api/');
  app.use((req: Request, res: Response, next: NextFunction) => (isApi(req) ? next() : files(req, res, next)));
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApi(req)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  app.use(expressErrors(logger));
}

/** Vite puts a content hash in every asset's name, so those never change. */
function cacheForever(res: Response, filePath: string): void {
  if (filePath.includes(`${path.sep}assets${path.sep}`)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
}
