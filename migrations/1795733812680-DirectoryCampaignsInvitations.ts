import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The directory (departments, districts, enterprises), campaigns with their evaluations,
 * targets and questionnaire versions, and personal invitations. Indexes and the queries
 * they serve:
 * - UQ_departments_code, UQ_districts_code, UQ_enterprises_uscc: imports upsert by code/USCC.
 * - IDX_enterprises_district_id: response rates by district, the console's district filter.
 * - UQ_evaluations_campaign_kind: one evaluation of each kind per campaign.
 * - UQ_evaluation_targets_*: a unit is a target of an evaluation once; serves target listing.
 * - UQ_questionnaire_versions_evaluation_version: the current version of an evaluation.
 * - UQ_invitations_token_hash: resolving a personal link.
 * - UQ_invitations_campaign_enterprise/district: one link per rater per campaign (idempotent generation).
 */
export class DirectoryCampaignsInvitations1795733812680 implements MigrationInterface {
  name = 'DirectoryCampaignsInvitations1795733812680';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "departments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" text NOT NULL, "name_zh" text NOT NULL, "name_en" text NOT NULL, "category" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_departments_code" CHECK ("code" ~ '^[A-Za-z0-9_.-]{1,32}$'), CONSTRAINT "PK_departments" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_departments_code" ON "departments"  ("code") `);
    await queryRunner.query(`CREATE TABLE "districts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" text NOT NULL, "name_zh" text NOT NULL, "name_en" text NOT NULL, "kind" text NOT NULL, "division_code" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_districts_division_code" CHECK ("division_code" IS NULL OR "division_code" ~ '^[0-9]{6}$'), CONSTRAINT "CHK_districts_kind" CHECK ("kind" IN ('district', 'county-level-city', 'county', 'development-zone')), CONSTRAINT "CHK_districts_code" CHECK ("code" ~ '^[A-Za-z0-9_.-]{1,32}$'), CONSTRAINT "PK_districts" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_districts_code" ON "districts"  ("code") `);
    await queryRunner.query(`CREATE TABLE "enterprises" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "uscc" text NOT NULL, "name_zh" text NOT NULL, "name_en" text NOT NULL, "district_id" uuid NOT NULL, "industry" text NOT NULL DEFAULT '', "investor_country" text NOT NULL DEFAULT '', "size_band" text, "contact_name" text NOT NULL DEFAULT '', "contact_phone" text NOT NULL DEFAULT '', "contact_email" text NOT NULL DEFAULT '', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_enterprises_size_band" CHECK ("size_band" IS NULL OR "size_band" IN ('large', 'medium', 'small', 'micro')), CONSTRAINT "CHK_enterprises_uscc" CHECK ("uscc" ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'), CONSTRAINT "PK_enterprises" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_enterprises_district_id" ON "enterprises"  ("district_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_enterprises_uscc" ON "enterprises"  ("uscc") `);
    await queryRunner.query(`CREATE TABLE "campaigns" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "slug" text NOT NULL, "title" text NOT NULL, "year" integer NOT NULL, "status" text NOT NULL DEFAULT 'draft', "opens_at" TIMESTAMP WITH TIME ZONE, "closes_at" TIMESTAMP WITH TIME ZONE, "scoring_config" jsonb NOT NULL, "opened_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, "published_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_campaigns_window" CHECK ("opens_at" IS NULL OR "closes_at" IS NULL OR "closes_at" > "opens_at"), CONSTRAINT "CHK_campaigns_year" CHECK ("year" BETWEEN 2000 AND 2100), CONSTRAINT "CHK_campaigns_status" CHECK ("status" IN ('draft', 'open', 'closed', 'published')), CONSTRAINT "CHK_campaigns_slug" CHECK ("slug" ~ '^[a-z0-9][a-z0-9-]{2,63}$'), CONSTRAINT "PK_campaigns" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_campaigns_slug" ON "campaigns"  ("slug") `);
    await queryRunner.query(`CREATE TABLE "evaluations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "campaign_id" uuid NOT NULL, "kind" text NOT NULL, "title_zh" text NOT NULL, "title_en" text NOT NULL, "rater_group" text NOT NULL, "target_group" text, "position" smallint NOT NULL, CONSTRAINT "CHK_evaluations_target_group" CHECK ("target_group" IS NULL OR "target_group" IN ('department', 'district')), CONSTRAINT "CHK_evaluations_rater_group" CHECK ("rater_group" IN ('enterprise', 'district')), CONSTRAINT "CHK_evaluations_kind" CHECK ("kind" IN ('enterprise-rates-departments', 'enterprise-rates-districts', 'district-rates-departments', 'csr-declaration')), CONSTRAINT "PK_evaluations" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_evaluations_campaign_kind" ON "evaluations"  ("campaign_id", "kind") `);
    await queryRunner.query(`CREATE TABLE "evaluation_targets" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "evaluation_id" uuid NOT NULL, "department_id" uuid, "district_id" uuid, CONSTRAINT "CHK_evaluation_targets_one_unit" CHECK (num_nonnulls("department_id", "district_id") = 1), CONSTRAINT "PK_evaluation_targets" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_evaluation_targets_district" ON "evaluation_targets"  ("evaluation_id", "district_id") WHERE "district_id" IS NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_evaluation_targets_department" ON "evaluation_targets"  ("evaluation_id", "department_id") WHERE "department_id" IS NOT NULL`);
    await queryRunner.query(`CREATE TABLE "questionnaire_versions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "evaluation_id" uuid NOT NULL, "version" integer NOT NULL, "survey" jsonb NOT NULL, "frozen_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_questionnaire_versions_version" CHECK ("version" >= 1), CONSTRAINT "PK_questionnaire_versions" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_questionnaire_versions_evaluation_version" ON "questionnaire_versions"  ("evaluation_id", "version") `);
    await queryRunner.query(`CREATE TABLE "invitations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "campaign_id" uuid NOT NULL, "rater_type" text NOT NULL, "enterprise_id" uuid, "district_id" uuid, "token_generation" integer NOT NULL DEFAULT '1', "token_hash" bytea NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "first_opened_at" TIMESTAMP WITH TIME ZONE, "last_opened_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_invitations_generation" CHECK ("token_generation" >= 1), CONSTRAINT "CHK_invitations_rater" CHECK (("rater_type" = 'enterprise' AND "enterprise_id" IS NOT NULL AND "district_id" IS NULL) OR ("rater_type" = 'district' AND "district_id" IS NOT NULL AND "enterprise_id" IS NULL)), CONSTRAINT "PK_invitations" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_invitations_campaign_district" ON "invitations"  ("campaign_id", "district_id") WHERE "district_id" IS NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_invitations_campaign_enterprise" ON "invitations"  ("campaign_id", "enterprise_id") WHERE "enterprise_id" IS NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_invitations_token_hash" ON "invitations"  ("token_hash") `);
    await queryRunner.query(`ALTER TABLE "enterprises" ADD CONSTRAINT "FK_enterprises_district" FOREIGN KEY ("district_id") REFERENCES "districts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "evaluations" ADD CONSTRAINT "FK_evaluations_campaign" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "evaluation_targets" ADD CONSTRAINT "FK_evaluation_targets_evaluation" FOREIGN KEY ("evaluation_id") REFERENCES "evaluations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "evaluation_targets" ADD CONSTRAINT "FK_evaluation_targets_department" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "evaluation_targets" ADD CONSTRAINT "FK_evaluation_targets_district" FOREIGN KEY ("district_id") REFERENCES "districts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "questionnaire_versions" ADD CONSTRAINT "FK_questionnaire_versions_evaluation" FOREIGN KEY ("evaluation_id") REFERENCES "evaluations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "invitations" ADD CONSTRAINT "FK_invitations_campaign" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "invitations" ADD CONSTRAINT "FK_invitations_enterprise" FOREIGN KEY ("enterprise_id") REFERENCES "enterprises"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "invitations" ADD CONSTRAINT "FK_invitations_district" FOREIGN KEY ("district_id") REFERENCES "districts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "invitations" DROP CONSTRAINT "FK_invitations_district"`);
    await queryRunner.query(`ALTER TABLE "invitations" DROP CONSTRAINT "FK_invitations_enterprise"`);
    await queryRunner.query(`ALTER TABLE "invitations" DROP CONSTRAINT "FK_invitations_campaign"`);
    await queryRunner.query(`ALTER TABLE "questionnaire_versions" DROP CONSTRAINT "FK_questionnaire_versions_evaluation"`);
    await queryRunner.query(`ALTER TABLE "evaluation_targets" DROP CONSTRAINT "FK_evaluation_targets_district"`);
    await queryRunner.query(`ALTER TABLE "evaluation_targets" DROP CONSTRAINT "FK_evaluation_targets_department"`);
    await queryRunner.query(`ALTER TABLE "evaluation_targets" DROP CONSTRAINT "FK_evaluation_targets_evaluation"`);
    await queryRunner.query(`ALTER TABLE "evaluations" DROP CONSTRAINT "FK_evaluations_campaign"`);
    await queryRunner.query(`ALTER TABLE "enterprises" DROP CONSTRAINT "FK_enterprises_district"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_invitations_token_hash"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_invitations_campaign_enterprise"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_invitations_campaign_district"`);
    await queryRunner.query(`DROP TABLE "invitations"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_questionnaire_versions_evaluation_version"`);
    await queryRunner.query(`DROP TABLE "questionnaire_versions"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_evaluation_targets_department"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_evaluation_targets_district"`);
    await queryRunner.query(`DROP TABLE "evaluation_targets"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_evaluations_campaign_kind"`);
    await queryRunner.query(`DROP TABLE "evaluations"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_campaigns_slug"`);
    await queryRunner.query(`DROP TABLE "campaigns"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_enterprises_uscc"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_enterprises_district_id"`);
    await queryRunner.query(`DROP TABLE "enterprises"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_districts_code"`);
    await queryRunner.query(`DROP TABLE "districts"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_departments_code"`);
    await queryRunner.query(`DROP TABLE "departments"`);
  }
}
