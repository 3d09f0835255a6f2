import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Answers: one row per rater and evaluation (UQ_responses_invitation_evaluation makes a
 * second submission impossible and serves the draft look-up by link). Indexes:
 * - IDX_responses_evaluation_status: response rates per evaluation; scans of submitted ballots.
 * - UQ_responses_receipt: finding a submission by the receipt shown to the rater.
 */
export class Responses1795735105875 implements MigrationInterface {
  name = 'Responses1795735105875';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "responses" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "invitation_id" uuid NOT NULL, "evaluation_id" uuid NOT NULL, "questionnaire_version_id" uuid NOT NULL, "status" text NOT NULL DEFAULT 'draft', "data" jsonb NOT NULL, "receipt" text, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "submitted_at" TIMESTAMP WITH TIME ZONE, "voided_at" TIMESTAMP WITH TIME ZONE, "void_reason" text, CONSTRAINT "CHK_responses_void_reason" CHECK ("voided_at" IS NULL OR length("void_reason") > 0), CONSTRAINT "CHK_responses_submitted" CHECK (("status" = 'submitted') = ("submitted_at" IS NOT NULL)), CONSTRAINT "CHK_responses_status" CHECK ("status" IN ('draft', 'submitted')), CONSTRAINT "PK_responses" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_responses_evaluation_status" ON "responses"  ("evaluation_id", "status") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_responses_receipt" ON "responses"  ("receipt") WHERE "receipt" IS NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_responses_invitation_evaluation" ON "responses"  ("invitation_id", "evaluation_id") `);
    await queryRunner.query(`ALTER TABLE "responses" ADD CONSTRAINT "FK_responses_invitation" FOREIGN KEY ("invitation_id") REFERENCES "invitations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "responses" ADD CONSTRAINT "FK_responses_evaluation" FOREIGN KEY ("evaluation_id") REFERENCES "evaluations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "responses" ADD CONSTRAINT "FK_responses_questionnaire_version" FOREIGN KEY ("questionnaire_version_id") REFERENCES "questionnaire_versions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "responses" DROP CONSTRAINT "FK_responses_questionnaire_version"`);
    await queryRunner.query(`ALTER TABLE "responses" DROP CONSTRAINT "FK_responses_evaluation"`);
    await queryRunner.query(`ALTER TABLE "responses" DROP CONSTRAINT "FK_responses_invitation"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_responses_invitation_evaluation"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_responses_receipt"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_responses_evaluation_status"`);
    await queryRunner.query(`DROP TABLE "responses"`);
  }
}
