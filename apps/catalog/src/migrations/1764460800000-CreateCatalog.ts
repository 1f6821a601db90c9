import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Categories, products and variants, with Portuguese full-text search.
 *
 * - `portuguese_unaccent` strips accents before the Portuguese stemmer, so "cafe" matches
 *   "Café" and "torrado" matches "torra".
 * - The helper functions use SQL-standard bodies (`RETURN ...`): their text search
 *   configuration and dictionary are resolved once, here, so generated columns do not depend on
 *   the search_path of whoever writes a row later.
 * - Categories form a tree stored as a materialised path of slugs (`cafes/especiais/etiopia`):
 *   descendants are one prefix match, breadcrumbs are the path itself, and the tree is small
 *   and rarely moved, which is where materialised paths shine (no ltree extension needed).
 */
export class CreateCatalog1764460800000 implements MigrationInterface {
  name = 'CreateCatalog1764460800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TEXT SEARCH CONFIGURATION portuguese_unaccent (COPY = pg_catalog.portuguese)`);
    await queryRunner.query(`
      ALTER TEXT SEARCH CONFIGURATION portuguese_unaccent
        ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, portuguese_stem`);

    // unaccent() is only STABLE (its dictionary could change); pinning the dictionary makes
    // this IMMUTABLE, which generated columns and expression indexes require.
    await queryRunner.query(`
      CREATE FUNCTION catalog_normalize(value text) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
        RETURN lower(public.unaccent('public.unaccent'::regdictionary, value))`);

    await queryRunner.query(`
      CREATE FUNCTION coffee_process_label(process text) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        RETURN CASE process
          WHEN 'NATURAL' THEN 'natural'
          WHEN 'WASHED' THEN 'lavado'
          WHEN 'HONEY' THEN 'honey'
          WHEN 'PULPED_NATURAL' THEN 'cereja descascado'
          WHEN 'ANAEROBIC' THEN 'anaeróbico fermentado'
          WHEN 'WET_HULLED' THEN 'wet hulled'
          ELSE '' END`);

    await queryRunner.query(`
      CREATE FUNCTION roast_level_label(roast text) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        RETURN CASE roast
          WHEN 'LIGHT' THEN 'torra clara'
          WHEN 'MEDIUM_LIGHT' THEN 'torra média clara'
          WHEN 'MEDIUM' THEN 'torra média'
          WHEN 'MEDIUM_DARK' THEN 'torra média escura'
          WHEN 'DARK' THEN 'torra escura'
          ELSE '' END`);

    // Weights: A name, B origin and coffee facts, C notes and tags, D description.
    await queryRunner.query(`
      CREATE FUNCTION product_search_document(
        name text, brand text, category_name text, origin_country text, origin_region text, farm text, producer text,
        varieties text[], process text, roast_level text, tasting_notes text[], tags text[], description text
      ) RETURNS tsvector
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        RETURN
          setweight(to_tsvector('portuguese_unaccent', coalesce(name, '')), 'A') ||
          setweight(to_tsvector('portuguese_unaccent',
            coalesce(brand, '') || ' ' || coalesce(category_name, '') || ' ' || coalesce(origin_country, '') || ' ' ||
            coalesce(origin_region, '') || ' ' || coalesce(farm, '') || ' ' || coalesce(producer, '') || ' ' ||
            array_to_string(varieties, ' ') || ' ' || coffee_process_label(process) || ' ' || roast_level_label(roast_level)), 'B') ||
          setweight(to_tsvector('portuguese_unaccent', array_to_string(tasting_notes, ' ') || ' ' || array_to_string(tags, ' ')), 'C') ||
          setweight(to_tsvector('portuguese_unaccent', coalesce(description, '')), 'D')`);

    await queryRunner.query(`
      CREATE TABLE categories (
        id uuid PRIMARY KEY,
        parent_id uuid REFERENCES categories (id),
        slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        description text NOT NULL DEFAULT '',
        path text NOT NULL UNIQUE CHECK (path ~ '^[a-z0-9-]+(/[a-z0-9-]+)*$'),
        position int NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await queryRunner.query(`
      CREATE TABLE products (
        id uuid PRIMARY KEY,
        slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 120),
        kind text NOT NULL CHECK (kind IN ('COFFEE', 'EQUIPMENT', 'COURSE_SEAT')),
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'ACTIVE', 'ARCHIVED')),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        description text NOT NULL DEFAULT '',
        images jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(images) = 'array'),
        category_id uuid NOT NULL REFERENCES categories (id),
        category_name text NOT NULL,
        brand text,
        tags text[] NOT NULL DEFAULT '{}',
        origin_country text,
        origin_region text,
        farm text,
        producer text,
        altitude_min_m int CHECK (altitude_min_m BETWEEN 0 AND 9000),
        altitude_max_m int CHECK (altitude_max_m BETWEEN 0 AND 9000 AND altitude_max_m >= altitude_min_m),
        varieties text[] NOT NULL DEFAULT '{}',
        process text CHECK (process IN ('NATURAL', 'WASHED', 'HONEY', 'PULPED_NATURAL', 'ANAEROBIC', 'WET_HULLED')),
        roast_level text CHECK (roast_level IN ('LIGHT', 'MEDIUM_LIGHT', 'MEDIUM', 'MEDIUM_DARK', 'DARK')),
        sca_score numeric(4, 2) CHECK (sca_score BETWEEN 0 AND 100),
        tasting_notes text[] NOT NULL DEFAULT '{}',
        -- Price of the cheapest variant, kept in step by every variant write; lists sort and
        -- filter on it without touching variants.
        min_price_cents int NOT NULL DEFAULT 0 CHECK (min_price_cents >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        search_vector tsvector GENERATED ALWAYS AS (product_search_document(
          name, brand, category_name, origin_country, origin_region, farm, producer,
          varieties, process, roast_level, tasting_notes, tags, description)) STORED,
        -- Accent- and case-insensitive sort key ("Água" sorts with "agua", not after "z").
        sort_name text GENERATED ALWAYS AS (catalog_normalize(name)) STORED
      )`);

    await queryRunner.query(`
      CREATE TABLE product_variants (
        sku text PRIMARY KEY CHECK (sku ~ '^[A-Z0-9]+(-[A-Z0-9]+)*$' AND length(sku) <= 64),
        product_id uuid NOT NULL REFERENCES products (id) ON DELETE CASCADE,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        price_cents int NOT NULL CHECK (price_cents >= 0),
        currency text NOT NULL DEFAULT 'BRL' CHECK (currency = 'BRL'),
        compare_at_price_cents int CHECK (compare_at_price_cents > price_cents),
        weight_grams int CHECK (weight_grams > 0),
        options jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(options) = 'object'),
        position int NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX product_variants_product_idx ON product_variants (product_id, position)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE product_variants`);
    await queryRunner.query(`DROP TABLE products`);
    await queryRunner.query(`DROP TABLE categories`);
    await queryRunner.query(`DROP FUNCTION product_search_document`);
    await queryRunner.query(`DROP FUNCTION roast_level_label`);
    await queryRunner.query(`DROP FUNCTION coffee_process_label`);
    await queryRunner.query(`DROP FUNCTION catalog_normalize`);
    await queryRunner.query(`DROP TEXT SEARCH CONFIGURATION portuguese_unaccent`);
  }
}
