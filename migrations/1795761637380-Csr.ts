import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Csr1795761637380 implements MigrationInterface {
  name = 'Csr1795761637380';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "csr_figure_checks" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "campaign_id" uuid NOT NULL, "enterprise_id" uuid NOT NULL, "figure" text NOT NULL, "value" jsonb NOT NULL, "source" text NOT NULL, "previous" jsonb, "reason" text, "authority" text, "updated_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_csr_figure_checks_authority" CHECK (("source" = 'authoritative') = ("authority" IS NOT NULL)), CONSTRAINT "CHK_csr_figure_checks_reason" CHECK ("source" <> 'corrected' OR length("reason") > 0), CONSTRAINT "CHK_csr_figure_checks_source" CHECK ("source" IN ('verified', 'corrected', 'authoritative')), CONSTRAINT "PK_csr_figure_checks" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_csr_figure_checks_figure" ON "csr_figure_checks"  ("campaign_id", "enterprise_id", "figure") `);
    await queryRunner.query(`ALTER TABLE "award_overrides" ADD "enterprise_id" uuid`);
    await queryRunner.query(`ALTER TABLE "award_overrides" DROP CONSTRAINT "CHK_award_overrides_one_unit"`);
    await queryRunner.query(`ALTER TABLE "award_overrides" ADD CONSTRAINT "CHK_award_overrides_one_unit" CHECK (num_nonnulls("department_id", "district_id", "enterprise_id") = 1)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_award_overrides_enterprise" ON "award_overrides"  ("campaign_id", "enterprise_id") WHERE "enterprise_id" IS NOT NULL`);
    await queryRunner.query(`ALTER TABLE "csr_figure_checks" ADD CONSTRAINT "FK_csr_figure_checks_campaign" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "csr_figure_checks" ADD CONSTRAINT "FK_csr_figure_checks_enterprise" FOREIGN KEY ("enterprise_id") REFERENCES "enterprises"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "csr_figure_checks" ADD CONSTRAINT "FK_csr_figure_checks_user" FOREIGN KEY ("updated_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "award_overrides" ADD CONSTRAINT "FK_award_overrides_enterprise" FOREIGN KEY ("enterprise_id") REFERENCES "enterprises"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "award_overrides" DROP CONSTRAINT "FK_award_overrides_enterprise"`);
    await queryRunner.query(`ALTER TABLE "csr_figure_checks" DROP CONSTRAINT "FK_csr_figure_checks_user"`);
    await queryRunner.query(`ALTER TABLE "csr_figure_checks" DROP CONSTRAINT "FK_csr_figure_checks_enterprise"`);
    await queryRunner.query(`ALTER TABLE "csr_figure_checks" DROP CONSTRAINT "FK_csr_figure_checks_campaign"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_award_overrides_enterprise"`);
    await queryRunner.query(`DELETE FROM "award_overrides" WHERE "enterprise_id" IS NOT NULL`);
    await queryRunner.query(`ALTER TABLE "award_overrides" DROP CONSTRAINT "CHK_award_overrides_one_unit"`);
    await queryRunner.query(`ALTER TABLE "award_overrides" ADD CONSTRAINT "CHK_award_overrides_one_unit" CHECK (num_nonnulls("department_id", "district_id") = 1)`);
    await queryRunner.query(`ALTER TABLE "award_overrides" DROP COLUMN "enterprise_id"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_csr_figure_checks_figure"`);
    await queryRunner.query(`DROP TABLE "csr_figure_checks"`);
  }
}
