import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ResponseRatings1795741785208 implements MigrationInterface {
  name = 'ResponseRatings1795741785208';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "response_ratings" ("response_id" uuid NOT NULL, "target_id" uuid NOT NULL, "criterion" text NOT NULL, "answer" text NOT NULL, CONSTRAINT "CHK_response_ratings_answer" CHECK (length("answer") BETWEEN 1 AND 64), CONSTRAINT "PK_response_ratings" PRIMARY KEY ("response_id", "target_id", "criterion"))`);
    await queryRunner.query(`ALTER TABLE "response_ratings" ADD CONSTRAINT "FK_response_ratings_response" FOREIGN KEY ("response_id") REFERENCES "responses"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "response_ratings" ADD CONSTRAINT "FK_response_ratings_target" FOREIGN KEY ("target_id") REFERENCES "evaluation_targets"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "response_ratings" DROP CONSTRAINT "FK_response_ratings_target"`);
    await queryRunner.query(`ALTER TABLE "response_ratings" DROP CONSTRAINT "FK_response_ratings_response"`);
    await queryRunner.query(`DROP TABLE "response_ratings"`);
  }
}
