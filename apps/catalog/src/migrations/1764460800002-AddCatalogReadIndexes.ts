import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the read paths, each chosen from a query shape and checked with EXPLAIN on the
 * 100k-product benchmark catalog (see docs/catalog-indexes.md for the plans before and after).
 * Lists only ever show ACTIVE products, so the list indexes are partial: smaller, and a plan
 * that uses them needs no status filter.
 */
export class AddCatalogReadIndexes1764460800002 implements MigrationInterface {
  name = 'AddCatalogReadIndexes1764460800002';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Full-text search: `search_vector @@ websearch_to_tsquery(...)`.
    await queryRunner.query(`CREATE INDEX products_search_vector_idx ON products USING gin (search_vector)`);
    // Default list order (NEWEST) and keyset paging on it.
    await queryRunner.query(`CREATE INDEX products_active_newest_idx ON products (created_at DESC, id DESC) WHERE status = 'ACTIVE'`);
    // Category pages sorted or filtered by price; also answers their counts from the index alone.
    await queryRunner.query(`CREATE INDEX products_active_category_price_idx ON products (category_id, min_price_cents, id) WHERE status = 'ACTIVE'`);
    // Price sorts and price ranges across categories.
    await queryRunner.query(`CREATE INDEX products_active_price_idx ON products (min_price_cents, id) WHERE status = 'ACTIVE'`);
    // Name sort (accent- and case-insensitive key).
    await queryRunner.query(`CREATE INDEX products_active_name_idx ON products (sort_name, id) WHERE status = 'ACTIVE'`);
    // Score sort: the same expression the SCORE keyset compares on.
    await queryRunner.query(`CREATE INDEX products_active_score_idx ON products ((coalesce(sca_score, -1)) DESC, id DESC) WHERE status = 'ACTIVE'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const index of [
      'products_active_score_idx',
      'products_active_name_idx',
      'products_active_price_idx',
      'products_active_category_price_idx',
      'products_active_newest_idx',
      'products_search_vector_idx',
    ]) {
      await queryRunner.query(`DROP INDEX ${index}`);
    }
  }
}
