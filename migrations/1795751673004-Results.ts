import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Results1795751673004 implements MigrationInterface {
  name = 'Results1795751673004';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "unit_assessments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "campaign_id" uuid NOT NULL, "department_id" uuid, "district_id" uuid, "inspection_score" double precision, "self_inspection_score" double precision, "self_inspection_complete" boolean NOT NULL DEFAULT false, "objective_score" double precision, "veto_reason" text, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_unit_assessments_veto" CHECK ("veto_reason" IS NULL OR length("veto_reason") > 0), CONSTRAINT "CHK_unit_assessments_objective" CHECK ("objective_score" IS NULL OR "objective_score" BETWEEN 0 AND 100), CONSTRAINT "CHK_unit_assessments_self_inspection" CHECK ("self_inspection_score" IS NULL OR "self_inspection_score" BETWEEN 0 AND 100), CONSTRAINT "CHK_unit_assessments_inspection" CHECK ("inspection_score" IS NULL OR "inspection_score" BETWEEN 0 AND 100), CONSTRAINT "CHK_unit_assessments_one_unit" CHECK (num_nonnulls("department_id", "district_id") = 1), CONSTRAINT "PK_unit_assessments" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_unit_assessments_district" ON "unit_assessments"  ("campaign_id", "district_id") WHERE "district_id" IS NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_unit_assessments_department" ON "unit_assessments"  ("campaign_id", "department_id") WHERE "department_id" IS NOT NULL`);
    await queryRunner.query(`CREATE TABLE "result_snapshots" ("campaign_id" uuid NOT NULL, "config_hash" text NOT NULL, "body_hash" text NOT NULL, "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "body" jsonb NOT NULL, "awards_confirmed_at" TIMESTAMP WITH TIME ZONE, "awards_confirmed_by" uuid, CONSTRAINT "CHK_result_snapshots_confirmed" CHECK (("awards_confirmed_at" IS NULL) = ("awards_confirmed_by" IS NULL)), CONSTRAINT "PK_result_snapshots" PRIMARY KEY ("campaign_id"))`);
    await queryRunner.query(`CREATE TABLE "result_computations" ("campaign_id" uuid NOT NULL, "status" text NOT NULL, "phase" text NOT NULL, "done" integer NOT NULL, "total" integer NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "finished_at" TIMESTAMP WITH TIME ZONE, "error" text, CONSTRAINT "CHK_result_computations_status" CHECK ("status" IN ('running', 'done', 'failed')), CONSTRAINT "PK_result_computations" PRIMARY KEY ("campaign_id"))`);
    await queryRunner.query(`CREATE TABLE "award_overrides" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "campaign_id" uuid NOT NULL, "department_id" uuid, "district_id" uuid, "awarded" boolean NOT NULL, "reason" text NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_award_overrides_reason" CHECK (length("reason") BETWEEN 1 AND 2000), CONSTRAINT "CHK_award_overrides_one_unit" CHECK (num_nonnulls("department_id", "district_id") = 1), CONSTRAINT "PK_award_overrides" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_award_overrides_district" ON "award_overrides"  ("campaign_id", "district_id") WHERE "district_id" IS NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_award_overrides_department" ON "award_overrides"  ("campaign_id", "department_id") WHERE "department_id" IS NOT NULL`);
    await queryRunner.query(`ALTER TABLE "unit_assessments" ADD CONSTRAINT "FK_unit_assessments_campaign" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "unit_assessments" ADD CONSTRAINT "FK_unit_assessments_department" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "unit_assessments" ADD CONSTRAINT "FK_unit_assessments_district" FOREIGN KEY ("district_id") REFERENCES "districts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "result_snapshots" ADD CONSTRAINT "FK_result_snapshots_campaign" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "result_snapshots" ADD CONSTRAINT "FK_result_snapshots_confirmed_by" FOREIGN KEY ("awards_confirmed_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "result_computations" ADD CONSTRAINT "FK_result_computations_campaign" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "award_overrides" ADD CONSTRAINT "FK_award_overrides_campaign" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "award_overrides" ADD CONSTRAINT "FK_award_overrides_department" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "award_overrides" ADD CONSTRAINT "FK_award_overrides_district" FOREIGN KEY ("district_id") REFERENCES "districts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "award_overrides" DROP CONSTRAINT "FK_award_overrides_district"`);
    await queryRunner.query(`ALTER TABLE "award_overrides" DROP CONSTRAINT "FK_award_overrides_department"`);
    await queryRunner.query(`ALTER TABLE "award_overrides" DROP CONSTRAINT "FK_award_overrides_campaign"`);
    await queryRunner.query(`ALTER TABLE "result_computations" DROP CONSTRAINT "FK_result_computations_campaign"`);
    await queryRunner.query(`ALTER TABLE "result_snapshots" DROP CONSTRAINT "FK_result_snapshots_confirmed_by"`);
    await queryRunner.query(`ALTER TABLE "result_snapshots" DROP CONSTRAINT "FK_result_snapshots_campaign"`);
    await queryRunner.query(`ALTER TABLE "unit_assessments" DROP CONSTRAINT "FK_unit_assessments_district"`);
    await queryRunner.query(`ALTER TABLE "unit_assessments" DROP CONSTRAINT "FK_unit_assessments_department"`);
    await queryRunner.query(`ALTER TABLE "unit_assessments" DROP CONSTRAINT "FK_unit_assessments_campaign"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_award_overrides_department"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_award_overrides_district"`);
    await queryRunner.query(`DROP TABLE "award_overrides"`);
    await queryRunner.query(`DROP TABLE "result_computations"`);
    await queryRunner.query(`DROP TABLE "result_snapshots"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_unit_assessments_department"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_unit_assessments_district"`);
    await queryRunner.query(`DROP TABLE "unit_assessments"`);
  }
}
