import { Column, Entity, PrimaryGeneratedColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/** A tiny aggregate used to exercise the database lib against real Postgres. */
@Entity({ name: 'widget' })
export class Widget {
  @PrimaryGeneratedColumn('identity') id: number;
  @Column() name: string;
}

export class CreateWidget1700000000000 implements MigrationInterface {
  name = 'CreateWidget1700000000000';
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE widget (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL UNIQUE)`);
  }
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE widget`);
  }
}

export const widgetDefinition = { schema: 'widgets', entities: [Widget], migrations: [CreateWidget1700000000000] };
