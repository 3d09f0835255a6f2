import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { plainToInstance } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

/** The repository root, found from this file's place in src/ or dist/. */
export const projectRoot = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)));

function findProjectRoot(start: string): string {
  let dir = start;
  while (!existsSync(path.join(dir, 'package.json')) || !existsSync(path.join(dir, 'server', 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot find the project root above ${start}`);
    dir = parent;
  }
  return dir;
}

const ENV_KEYS = ['PORT', 'HOST', 'DATABASE_URL', 'DATA_DIR', 'ADMIN_USERNAME', 'ADMIN_PASSWORD', 'APP_SECRET', 'PUBLIC_URL', 'LOG_LEVEL', 'TRUST_PROXY', 'BALLOT_VALIDATOR'];

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const BALLOT_VALIDATORS = ['compiled', 'survey-core'] as const;
export type BallotValidator = (typeof BALLOT_VALIDATORS)[number];

/** The environment as it arrives; every variable is listed in .env.example. */
class EnvironmentVariables {
  @IsOptional() @IsInt() @Min(0) @Max(65535)
  PORT?: number;

  @IsOptional() @IsString()
  HOST?: string;

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string;

  @IsOptional() @IsString() @MinLength(1)
  DATA_DIR?: string;

  @IsOptional() @Matches(/^[A-Za-z0-9_.@-]{3,64}$/, { message: 'must be 3–64 letters, digits or _.@-' })
  ADMIN_USERNAME?: string;

  @IsOptional() @IsString() @MinLength(10, { message: 'must be at least 10 characters long' }) @MaxLength(200)
  ADMIN_PASSWORD?: string;

  @IsOptional() @IsString() @MinLength(32, { message: 'must be at least 32 characters long' })
  APP_SECRET?: string;

  @IsOptional() @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] }, { message: 'must be an http(s) URL such as https://fie.example.cn' })
  PUBLIC_URL?: string;

  @IsOptional() @IsIn(LOG_LEVELS)
  LOG_LEVEL?: LogLevel;

  @IsOptional() @IsInt() @Min(0) @Max(10)
  TRUST_PROXY?: number;

  @IsOptional() @IsIn(BALLOT_VALIDATORS)
  BALLOT_VALIDATOR?: BallotValidator;
}

export interface AppConfig {
  port: number;
  host: string;
  /** Empty when the embedded PostgreSQL is used. */
  databaseUrl: string;
  dataDir: string;
  admin: { username: string; password: string } | null;
  appSecret: string;
  /** Where the app is reached; printed in links. */
  publicUrl: string;
  logLevel: LogLevel;
  /** Number of reverse proxies in front of the app whose X-Forwarded-For is trusted. */
  trustProxy: number;
  /** `survey-core` checks every ballot with survey-core itself: 40–240 ms each, for comparison only. */
  ballotValidator: BallotValidator;
  clientDist: string;
}

export class ConfigError extends Error {}

const emptyToUndefined = (value: string | undefined) => (value === undefined || value.trim() === '' ? undefined : value.trim());

/**
 * Reads and checks the environment once at boot. A wrong or missing variable stops
 * the start with a message naming it.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const raw: Record<string, unknown> = {};
  for (const key of ENV_KEYS) {
    const value = emptyToUndefined(env[key]);
    if (value !== undefined) raw[key] = value;
  }
  for (const key of ['PORT', 'TRUST_PROXY']) {
    if (raw[key] !== undefined) {
      const text = String(raw[key]);
      raw[key] = /^\d+$/.test(text) ? Number(text) : text;
    }
  }
  const parsed = plainToInstance(EnvironmentVariables, raw);
  const errors = validateSync(parsed, { forbidUnknownValues: false });
  const problems = errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join('; ')} (got "${redact(e.property, e.value)}")`);

  if (parsed.ADMIN_USERNAME && !parsed.ADMIN_PASSWORD) problems.push('ADMIN_PASSWORD: must be set when ADMIN_USERNAME is set');
  if (parsed.ADMIN_PASSWORD && !parsed.ADMIN_USERNAME) problems.push('ADMIN_USERNAME: must be set when ADMIN_PASSWORD is set');
  const databaseUrl = parsed.DATABASE_URL ?? '';
  if (databaseUrl && !parsed.APP_SECRET) {
    problems.push('APP_SECRET: must be set (at least 32 random characters) when DATABASE_URL is set; it signs sessions and personal links');
  }
  if (problems.length > 0) {
    throw new ConfigError(`Invalid configuration / 配置有误:\n  - ${problems.join('\n  - ')}\nSee .env.example for every variable.`);
  }

  const port = parsed.PORT ?? 3000;
  const dataDir = path.resolve(parsed.DATA_DIR ?? path.join(projectRoot, '.data'));
  return {
    port,
    host: parsed.HOST ?? '0.0.0.0',
    databaseUrl,
    dataDir,
    admin: parsed.ADMIN_USERNAME ? { username: parsed.ADMIN_USERNAME, password: parsed.ADMIN_PASSWORD! } : null,
    appSecret: parsed.APP_SECRET ?? localSecret(dataDir),
    publicUrl: (parsed.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, ''),
    logLevel: parsed.LOG_LEVEL ?? 'info',
    trustProxy: parsed.TRUST_PROXY ?? 0,
    ballotValidator: parsed.BALLOT_VALIDATOR ?? 'compiled',
    clientDist: path.join(projectRoot, 'client', 'dist'),
  };
}

function redact(key: string, value: unknown): string {
  if (/PASSWORD|SECRET|DATABASE_URL/.test(key)) return '***';
  return String(value);
}

/** On the embedded default the secret is generated once and kept beside the data. */
function localSecret(dataDir: string): string {
  const file = path.join(dataDir, 'app-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
