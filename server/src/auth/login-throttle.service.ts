import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AppError, ErrorCode } from '../common/errors.js';
import { LoginFailure } from './login-failure.entity.js';

const WINDOW_MINUTES = 15;
/** Failures allowed from one client in the window before it must wait. */
const MAX_PER_CLIENT = 10;
/** Failures allowed against one account from anywhere; higher, so one client cannot lock others out easily. */
const MAX_PER_ACCOUNT = 30;

/** Counts failed logins in PostgreSQL, so every instance sees the same attempts. */
@Injectable()
export class LoginThrottleService {
  constructor(@InjectRepository(LoginFailure) private readonly failures: Repository<LoginFailure>) {}

  async assertAllowed(clientKey: string, username: string): Promise<void> {
    const [row] = await this.failures.query(
      `SELECT count(*) FILTER (WHERE client_key = $1)::int AS by_client,
              count(*) FILTER (WHERE username = $2)::int AS by_account
         FROM login_failures
        WHERE (client_key = $1 OR username = $2) AND at > now() - make_interval(mins => $3)`,
      [clientKey, username.toLowerCase(), WINDOW_MINUTES],
    );
    if (row.by_client >= MAX_PER_CLIENT || row.by_account >= MAX_PER_ACCOUNT) {
      throw new AppError(ErrorCode.TooManyLoginAttempts, { headers: { 'Retry-After': String(WINDOW_MINUTES * 60) } });
    }
  }

  async recordFailure(clientKey: string, username: string): Promise<void> {
    await this.failures.insert({ clientKey, username: username.toLowerCase() });
    // Old rows serve no window any more; pruning here keeps the table small without a scheduler.
    await this.failures.query(`DELETE FROM login_failures WHERE at < now() - interval '1 day'`);
  }

  async clear(clientKey: string, username: string): Promise<void> {
    await this.failures.delete({ clientKey, username: username.toLowerCase() });
  }
}
