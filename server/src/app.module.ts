import { CasesModule } from './cases/cases.module.js';
import { DynamicModule, Module, ValidationPipe } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { ValidationError } from 'class-validator';
import { AuditInterceptor } from './audit/audit.interceptor.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthGuard } from './auth/auth.guard.js';
import { AuthModule } from './auth/auth.module.js';
import { AllExceptionsFilter } from './common/all-exceptions.filter.js';
import { AppError, ErrorCode, type FieldError } from './common/errors.js';
import type { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { DATABASE_RUNTIME, dataSourceOptions, type DatabaseRuntime } from './database/database.js';
import { CampaignsModule } from './campaigns/campaigns.module.js';
import { DemoModule } from './demo/demo.module.js';
import { DirectoryModule } from './directory/directory.module.js';
import { HealthController } from './health/health.controller.js';
import { InvitationsModule } from './invitations/invitations.module.js';
import { QuestionnairesModule } from './questionnaires/questionnaires.module.js';
import { ResponsesModule } from './responses/responses.module.js';
import { AssessmentsModule } from './results/assessments.module.js';
import { CsrModule } from './csr/csr.module.js';
import { ResultsModule } from './results/results.module.js';
import { UsersModule } from './users/users.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, database: DatabaseRuntime): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        // Migrations run before the app starts (runMigrations), never from here.
        TypeOrmModule.forRoot({ ...dataSourceOptions(database.url), migrationsRun: false }),
        UsersModule,
        AuthModule,
        AuditModule,
        DirectoryModule,
        CampaignsModule,
        InvitationsModule,
        DemoModule,
        ResponsesModule,
        QuestionnairesModule,
        CasesModule,
        AssessmentsModule,
        CsrModule,
        ResultsModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: DATABASE_RUNTIME, useValue: database },
        {
          provide: APP_PIPE,
          useValue: new ValidationPipe({
            transform: true,
            whitelist: true,
            forbidNonWhitelisted: true,
            exceptionFactory: (errors) => new AppError(ErrorCode.ValidationFailed, { errors: flatten(errors) }),
          }),
        },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
        { provide: APP_GUARD, useExisting: AuthGuard },
        { provide: APP_INTERCEPTOR, useExisting: AuditInterceptor },
      ],
    };
  }
}

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return own.concat(flatten(error.children ?? [], field));
  });
}
