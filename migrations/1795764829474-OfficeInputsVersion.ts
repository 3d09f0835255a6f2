import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OfficeInputsVersion1795764829474 implements MigrationInterface {
  name = 'OfficeInputsVersion1795764829474';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "campaigns" ADD "inputs_version" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "result_snapshots" ADD "inputs_version" integer NOT NULL DEFAULT '0'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "result_snapshots" DROP COLUMN "inputs_version"`);
    await queryRunner.query(`ALTER TABLE "campaigns" DROP COLUMN "inputs_version"`);
  }
}
