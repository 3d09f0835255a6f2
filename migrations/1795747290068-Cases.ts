import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Cases1795747290068 implements MigrationInterface {
  name = 'Cases1795747290068';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "case_categories" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" text NOT NULL, "name_zh" text NOT NULL, "name_en" text NOT NULL, "position" smallint NOT NULL, "active" boolean NOT NULL, CONSTRAINT "CHK_case_categories_code" CHECK ("code" ~ '^[a-z0-9-]{1,32}$'), CONSTRAINT "PK_case_categories" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_case_categories_code" ON "case_categories"  ("code") `);
    // The categories the office starts with; it can rename, reorder, add and deactivate them.
    await queryRunner.query(`INSERT INTO "case_categories" ("code", "name_zh", "name_en", "position", "active") VALUES
      ('land', '用地', 'Land', 1, true),
      ('labour', '用工', 'Labour and hiring', 2, true),
      ('approval', '审批', 'Approvals and permits', 3, true),
      ('inspection', '执法检查', 'Law enforcement and inspections', 4, true),
      ('tax-fees', '税费', 'Taxes and fees', 5, true),
      ('finance', '融资', 'Financing', 6, true),
      ('other', '其他', 'Other', 7, true)`);
    await queryRunner.query(`CREATE TABLE "cases" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "campaign_id" uuid NOT NULL, "number" integer NOT NULL, "source" text NOT NULL, "response_id" uuid, "invitation_id" uuid, "enterprise_id" uuid, "identity_shared" boolean NOT NULL, "received_via" text, "text" text NOT NULL, "category_id" uuid, "status" text NOT NULL, "department_id" uuid, "district_id" uuid, "deadline" TIMESTAMP WITH TIME ZONE, "merged_into_id" uuid, "reject_reason" text, "reply" text, "rectified" boolean, "handling_rating" text, "accepted_at" TIMESTAMP WITH TIME ZONE, "assigned_at" TIMESTAMP WITH TIME ZONE, "replied_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, "rated_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_cases_merged" CHECK (("status" = 'merged') = ("merged_into_id" IS NOT NULL)), CONSTRAINT "CHK_cases_rejected" CHECK ("status" <> 'rejected' OR length("reject_reason") > 0), CONSTRAINT "CHK_cases_ballot" CHECK (("source" = 'ballot') = ("response_id" IS NOT NULL)), CONSTRAINT "CHK_cases_handling_rating" CHECK ("handling_rating" IS NULL OR "handling_rating" IN ('satisfied', 'basically', 'dissatisfied')), CONSTRAINT "CHK_cases_one_unit" CHECK (num_nonnulls("department_id", "district_id") <= 1), CONSTRAINT "CHK_cases_text" CHECK (length("text") BETWEEN 1 AND 20000), CONSTRAINT "CHK_cases_status" CHECK ("status" IN ('new', 'accepted', 'rejected', 'merged', 'assigned', 'in-progress', 'replied', 'closed', 'reopened')), CONSTRAINT "CHK_cases_source" CHECK ("source" IN ('ballot', 'complaint', 'office')), CONSTRAINT "PK_cases" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_cases_district" ON "cases"  ("district_id") WHERE "district_id" IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "IDX_cases_department" ON "cases"  ("department_id") WHERE "department_id" IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "IDX_cases_campaign_status" ON "cases"  ("campaign_id", "status") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_cases_response" ON "cases"  ("response_id") WHERE "response_id" IS NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_cases_campaign_number" ON "cases"  ("campaign_id", "number") `);
    await queryRunner.query(`CREATE TABLE "case_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_kind" text NOT NULL, "actor_id" uuid, "action" text NOT NULL, "from_status" text, "to_status" text, "note" text, CONSTRAINT "CHK_case_events_actor" CHECK ("actor_kind" IN ('office', 'unit', 'enterprise')), CONSTRAINT "PK_case_events" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_case_events_case" ON "case_events"  ("case_id", "at") `);
    await queryRunner.query(`ALTER TABLE "cases" ADD CONSTRAINT "FK_cases_campaign" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "cases" ADD CONSTRAINT "FK_cases_response" FOREIGN KEY ("response_id") REFERENCES "responses"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "cases" ADD CONSTRAINT "FK_cases_invitation" FOREIGN KEY ("invitation_id") REFERENCES "invitations"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "cases" ADD CONSTRAINT "FK_cases_enterprise" FOREIGN KEY ("enterprise_id") REFERENCES "enterprises"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "cases" ADD CONSTRAINT "FK_cases_category" FOREIGN KEY ("category_id") REFERENCES "case_categories"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "cases" ADD CONSTRAINT "FK_cases_department" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "cases" ADD CONSTRAINT "FK_cases_district" FOREIGN KEY ("district_id") REFERENCES "districts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "cases" ADD CONSTRAINT "FK_cases_merged_into" FOREIGN KEY ("merged_into_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "case_events" ADD CONSTRAINT "FK_case_events_case" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "case_events" ADD CONSTRAINT "FK_case_events_actor" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "case_events" DROP CONSTRAINT "FK_case_events_actor"`);
    await queryRunner.query(`ALTER TABLE "case_events" DROP CONSTRAINT "FK_case_events_case"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP CONSTRAINT "FK_cases_merged_into"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP CONSTRAINT "FK_cases_district"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP CONSTRAINT "FK_cases_department"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP CONSTRAINT "FK_cases_category"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP CONSTRAINT "FK_cases_enterprise"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP CONSTRAINT "FK_cases_invitation"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP CONSTRAINT "FK_cases_response"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP CONSTRAINT "FK_cases_campaign"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_case_events_case"`);
    await queryRunner.query(`DROP TABLE "case_events"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_cases_campaign_number"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_cases_response"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_cases_campaign_status"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_cases_department"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_cases_district"`);
    await queryRunner.query(`DROP TABLE "cases"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_case_categories_code"`);
    await queryRunner.query(`DROP TABLE "case_categories"`);
  }
}
