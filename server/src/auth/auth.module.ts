import { createHmac, createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { UsersModule } from '../users/users.module.js';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { AuthService } from './auth.service.js';
import { LoginFailure } from './login-failure.entity.js';
import { LoginThrottleService } from './login-throttle.service.js';

@Module({
  imports: [
    UsersModule,
    TypeOrmModule.forFeature([LoginFailure]),
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      // A key of its own derived from the app secret, so session tokens and link tokens never share one.
      // Handed over as a KeyObject: given bytes, jsonwebtoken first tries them as a public key on
      // every verification, and the exception that throws was the largest cost of a request.
      useFactory: (config: AppConfig) => ({
        secret: createSecretKey(createHmac('sha256', config.appSecret).update('session-token').digest()) as unknown as Buffer,
        signOptions: { algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, LoginThrottleService, AuthGuard],
  exports: [AuthService, AuthGuard],
})
export class AuthModule {}
