import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Typo tolerance through a lexicon: every distinct word of the catalog (accents removed,
 * lower case), kept current by statement triggers on products. When a short query matches
 * nothing, each unknown word is replaced by its most similar lexicon word (pg_trgm
 * `similarity`, trigram GIN index) and the corrected query runs as ordinary full-text search.
 *
 * Trigram matching against the products themselves was measured first: at 100k products a
 * typo like "etiopai" took 0.5-1.9 s (tens of thousands of rows to recheck and rank). The
 * lexicon holds a few thousand words, so a correction costs a few milliseconds, and the
 * corrected search keeps full-text ranking, highlights and facets.
 */
export class CreateSearchWords1764460800003 implements MigrationInterface {
  name = 'CreateSearchWords1764460800003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE search_words (word text PRIMARY KEY)`);
    await queryRunner.query(`CREATE INDEX search_words_trgm_idx ON search_words USING gin (word gin_trgm_ops)`);
    // The same fields the search document indexes, split into words; numbers (lot numbers,
    // sizes) are left out, correcting them would only cause confusion.
    await queryRunner.query(`
      CREATE FUNCTION product_words(p products) RETURNS SETOF text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
      BEGIN ATOMIC
        SELECT regexp_split_to_table(catalog_normalize(
          p.name || ' ' || coalesce(p.brand, '') || ' ' || p.category_name || ' ' || coalesce(p.origin_country, '') || ' ' ||
          coalesce(p.origin_region, '') || ' ' || coalesce(p.farm, '') || ' ' || coalesce(p.producer, '') || ' ' ||
          array_to_string(p.varieties, ' ') || ' ' || coffee_process_label(p.process) || ' ' || roast_level_label(p.roast_level) || ' ' ||
          array_to_string(p.tasting_notes, ' ') || ' ' || array_to_string(p.tags, ' ') || ' ' || p.description), '[^a-z0-9]+');
      END`);
    // Statement-level with a transition table: a bulk insert adds its words in one INSERT.
    // Words are never removed; a stale one can only suggest a correction that finds nothing.
    await queryRunner.query(`
      CREATE FUNCTION collect_search_words() RETURNS trigger
        LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
      BEGIN
        INSERT INTO search_words (word)
        SELECT DISTINCT w FROM changed_products p, product_words(p) AS w
        WHERE length(w) BETWEEN 3 AND 40 AND w ~ '[a-z]'
        ON CONFLICT DO NOTHING;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER products_search_words_insert AFTER INSERT ON products
        REFERENCING NEW TABLE AS changed_products FOR EACH STATEMENT EXECUTE FUNCTION collect_search_words()`);
    await queryRunner.query(`
      CREATE TRIGGER products_search_words_update AFTER UPDATE ON products
        REFERENCING NEW TABLE AS changed_products FOR EACH STATEMENT EXECUTE FUNCTION collect_search_words()`);
    await queryRunner.query(`
      INSERT INTO search_words (word)
      SELECT DISTINCT w FROM products p, product_words(p) AS w WHERE length(w) BETWEEN 3 AND 40 AND w ~ '[a-z]'
      ON CONFLICT DO NOTHING`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER products_search_words_update ON products`);
    await queryRunner.query(`DROP TRIGGER products_search_words_insert ON products`);
    await queryRunner.query(`DROP FUNCTION collect_search_words`);
    await queryRunner.query(`DROP FUNCTION product_words`);
    await queryRunner.query(`DROP TABLE search_words`);
  }
}
