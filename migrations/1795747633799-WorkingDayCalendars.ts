import type { MigrationInterface, QueryRunner } from 'typeorm';

export class WorkingDayCalendars1795747633799 implements MigrationInterface {
  name = 'WorkingDayCalendars1795747633799';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "working_day_calendars" ("year" integer NOT NULL, "holidays" text array NOT NULL, "workdays" text array NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_working_day_calendars_year" CHECK ("year" BETWEEN 2000 AND 2100), CONSTRAINT "PK_working_day_calendars" PRIMARY KEY ("year"))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "working_day_calendars"`);
  }
}
