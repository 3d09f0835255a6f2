import type { MigrationInterface, QueryRunner } from 'typeorm';

export class UserUnits1795747158111 implements MigrationInterface {
  name = 'UserUnits1795747158111';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "department_id" uuid`);
    await queryRunner.query(`ALTER TABLE "users" ADD "district_id" uuid`);
    await queryRunner.query(`ALTER TABLE "users" ADD CONSTRAINT "CHK_users_district_role" CHECK ("district_id" IS NULL OR "role" = 'district')`);
    await queryRunner.query(`ALTER TABLE "users" ADD CONSTRAINT "CHK_users_department_role" CHECK ("department_id" IS NULL OR "role" = 'department')`);
    await queryRunner.query(`ALTER TABLE "users" ADD CONSTRAINT "FK_users_department" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "users" ADD CONSTRAINT "FK_users_district" FOREIGN KEY ("district_id") REFERENCES "districts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "FK_users_district"`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "FK_users_department"`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "CHK_users_department_role"`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "CHK_users_district_role"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "district_id"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "department_id"`);
  }
}
