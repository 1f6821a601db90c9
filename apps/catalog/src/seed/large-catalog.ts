import type { TransactionHost } from '@mestres/database';
import { CoffeeProcess } from '../products/coffee-process.enum';
import { RoastLevel } from '../products/roast-level.enum';
import { DEMO_ORIGINS } from './demo-coffees';
import { DEMO_EQUIPMENT } from './demo-equipment';
import { buildDemoCatalog } from './demo-catalog';
import { seedCatalog } from './seed-catalog';

export interface LargeCatalogOptions {
  /** Products to generate (default 100 000); each gets `variantsPerProduct` SKUs. */
  products?: number;
  variantsPerProduct?: number;
  /** Rows per INSERT statement / transaction. */
  batchSize?: number;
  log?: (line: string) => void;
}

const NOTES = [
  'chocolate', 'caramelo', 'castanhas', 'mel', 'laranja', 'frutas vermelhas', 'pêssego', 'jasmim', 'bergamota',
  'rapadura', 'baunilha', 'maçã verde', 'groselha', 'limão siciliano', 'cacau', 'ameixa', 'melaço', 'avelã',
];
const VARIETIES = ['Bourbon Amarelo', 'Catuaí Vermelho', 'Mundo Novo', 'Geisha', 'Caturra', 'SL28', 'Heirloom etíope', 'Arara', 'Typica', 'Topázio'];
const FARM_WORDS = ['Boa Vista', 'Santa Clara', 'Serra Azul', 'Bela Vista', 'São José', 'Esperança', 'Pedra Branca', 'Três Barras', 'Alto Alegre', 'Cachoeira'];
const PROCESSES = Object.values(CoffeeProcess);
const PROCESS_LABELS: Record<CoffeeProcess, string> = {
  NATURAL: 'Natural',
  WASHED: 'Lavado',
  HONEY: 'Honey',
  PULPED_NATURAL: 'Cereja Descascado',
  ANAEROBIC: 'Fermentado',
  WET_HULLED: 'Wet Hulled',
};
const ROASTS = Object.values(RoastLevel);

/**
 * Generates a large catalog for benchmarks (default 100 000 products, 300 000 SKUs) with a few
 * set-based INSERT ... SELECT FROM generate_series statements per batch, so Postgres does the
 * work without per-row round trips. Deterministic (everything derives from the row number)
 * and idempotent (`ON CONFLICT DO NOTHING`, slugs `bench-<n>`), so it can be re-run or
 * extended. Loads the demo catalog first for its categories.
 */
export async function seedLargeCatalog(tx: TransactionHost, options: LargeCatalogOptions = {}): Promise<{ products: number; variants: number }> {
  const total = options.products ?? 100_000;
  const perProduct = options.variantsPerProduct ?? 3;
  const batchSize = options.batchSize ?? 10_000;
  const log = options.log ?? (() => undefined);
  await seedCatalog(tx);

  const { categories } = buildDemoCatalog();
  const category = (slug: string) => categories.find((candidate) => candidate.slug === slug)!;
  const origins = DEMO_ORIGINS.map((origin) => ({ country: origin.country, region: origin.region, category: category(origin.category) }));
  const equipment = DEMO_EQUIPMENT.map((item) => ({ name: item.name, brand: item.brand, price: item.priceCents, category: category(item.category) }));

  const params = {
    originCountry: origins.map((origin) => origin.country),
    originRegion: origins.map((origin) => origin.region),
    originCategoryId: origins.map((origin) => origin.category.id),
    originCategoryName: origins.map((origin) => origin.category.name),
    equipmentName: equipment.map((item) => item.name),
    equipmentBrand: equipment.map((item) => item.brand),
    equipmentPrice: equipment.map((item) => item.price),
    equipmentCategoryId: equipment.map((item) => item.category.id),
    equipmentCategoryName: equipment.map((item) => item.category.name),
  };

  for (let start = 1; start <= total; start += batchSize) {
    const end = Math.min(total, start + batchSize - 1);
    await tx.transaction(async () => {
      // Every 7th product is equipment; the rest coffee. Arrays are 1-based in SQL.
      await tx.manager.query(
        `INSERT INTO products (id, slug, kind, status, name, description, images, category_id, category_name, brand, tags,
           origin_country, origin_region, farm, producer, altitude_min_m, altitude_max_m, varieties, process, roast_level,
           sca_score, tasting_notes, min_price_cents, created_at, updated_at)
         SELECT md5('bench-product-' || g.i)::uuid, 'bench-' || g.i, k.kind,
           CASE WHEN g.i % 50 = 0 THEN 'DRAFT' WHEN g.i % 50 = 1 THEN 'ARCHIVED' ELSE 'ACTIVE' END,
           CASE WHEN k.kind = 'COFFEE'
             THEN o.region || ' ' || f.farm || ' ' || v.variety || ' ' || p.label || ' Lote ' || g.i
             ELSE e.name || ' Edição ' || g.i END,
           CASE WHEN k.kind = 'COFFEE'
             THEN 'Café especial de ' || o.region || ', ' || o.country || ', cultivado na fazenda ' || f.farm || '. Variedade ' || v.variety ||
                  ', processo ' || lower(p.label) || '. Notas de ' || n.n1 || ', ' || n.n2 || ' e ' || n.n3 || '. Torrado semanalmente em São Paulo.'
             ELSE e.name || ': equipamento para preparar café especial em casa. Edição numerada ' || g.i || '.' END,
           jsonb_build_array(jsonb_build_object('url', 'https://images.mestrescafe.com.br/bench/' || g.i || '.jpg', 'alt', 'Produto ' || g.i)),
           CASE WHEN k.kind = 'COFFEE' THEN o.category_id ELSE e.category_id END,
           CASE WHEN k.kind = 'COFFEE' THEN o.category_name ELSE e.category_name END,
           CASE WHEN k.kind = 'COFFEE' THEN 'Mestres Café' ELSE e.brand END,
           CASE WHEN g.i % 3 = 0 THEN ARRAY['cafe-especial', 'frutado'] WHEN g.i % 3 = 1 THEN ARRAY['presente'] ELSE ARRAY[]::text[] END,
           CASE WHEN k.kind = 'COFFEE' THEN o.country END,
           CASE WHEN k.kind = 'COFFEE' THEN o.region END,
           CASE WHEN k.kind = 'COFFEE' THEN 'Fazenda ' || f.farm END,
           NULL,
           CASE WHEN k.kind = 'COFFEE' THEN 900 + (g.i % 10) * 100 END,
           CASE WHEN k.kind = 'COFFEE' THEN 1100 + (g.i % 10) * 100 END,
           CASE WHEN k.kind = 'COFFEE' THEN ARRAY[v.variety] ELSE ARRAY[]::text[] END,
           CASE WHEN k.kind = 'COFFEE' THEN p.process END,
           CASE WHEN k.kind = 'COFFEE' THEN ($12::text[])[1 + (g.i / 5) % cardinality($12::text[])] END,
           CASE WHEN k.kind = 'COFFEE' THEN 80 + ((g.i * 37) % 49) / 4.0 END,
           CASE WHEN k.kind = 'COFFEE' THEN ARRAY[n.n1, n.n2, n.n3] ELSE ARRAY[]::text[] END,
           pr.price,
           timestamptz '2024-01-01 00:00:00+00' + g.i * interval '13 minutes',
           timestamptz '2024-01-01 00:00:00+00' + g.i * interval '13 minutes'
         FROM generate_series($1::int, $2::int) AS g(i)
         CROSS JOIN LATERAL (SELECT CASE WHEN g.i % 7 = 0 THEN 'EQUIPMENT' ELSE 'COFFEE' END AS kind) k
         CROSS JOIN LATERAL (SELECT 1 + g.i % cardinality($3::text[]) AS idx) oi
         CROSS JOIN LATERAL (SELECT ($3::text[])[oi.idx] AS country, ($4::text[])[oi.idx] AS region,
                                    ($5::uuid[])[oi.idx] AS category_id, ($6::text[])[oi.idx] AS category_name) o
         CROSS JOIN LATERAL (SELECT 1 + (g.i / 7) % cardinality($7::text[]) AS idx) ei
         CROSS JOIN LATERAL (SELECT ($7::text[])[ei.idx] AS name, ($8::text[])[ei.idx] AS brand, ($9::int[])[ei.idx] AS price,
                                    ($10::uuid[])[ei.idx] AS category_id, ($11::text[])[ei.idx] AS category_name) e
         CROSS JOIN LATERAL (SELECT ($13::text[])[1 + (g.i / 3) % cardinality($13::text[])] AS farm) f
         CROSS JOIN LATERAL (SELECT ($14::text[])[1 + (g.i / 11) % cardinality($14::text[])] AS variety) v
         CROSS JOIN LATERAL (SELECT ($15::text[])[1 + (g.i / 2) % cardinality($15::text[])] AS process) pp
         CROSS JOIN LATERAL (SELECT pp.process, ($16::text[])[1 + (g.i / 2) % cardinality($16::text[])] AS label) p
         CROSS JOIN LATERAL (SELECT ($17::text[])[1 + g.i % 18] AS n1, ($17::text[])[1 + (g.i / 18) % 18] AS n2, ($17::text[])[1 + (g.i / 324) % 18] AS n3) n
         CROSS JOIN LATERAL (SELECT CASE WHEN k.kind = 'COFFEE' THEN 3500 + ((g.i * 7919) % 120) * 100 - 10 ELSE e.price END AS price) pr
         ON CONFLICT DO NOTHING`,
        [
          start,
          end,
          params.originCountry,
          params.originRegion,
          params.originCategoryId,
          params.originCategoryName,
          params.equipmentName,
          params.equipmentBrand,
          params.equipmentPrice,
          params.equipmentCategoryId,
          params.equipmentCategoryName,
          ROASTS,
          FARM_WORDS,
          VARIETIES,
          PROCESSES,
          PROCESSES.map((process) => PROCESS_LABELS[process]),
          NOTES,
        ],
      );
      // Variant j of product i costs min_price * factor[j], so the product's starting price stays right.
      await tx.manager.query(
        `INSERT INTO product_variants (sku, product_id, name, price_cents, currency, compare_at_price_cents, weight_grams, options, position)
         SELECT 'BENCH-' || g.i || '-' || j, p.id,
           CASE WHEN p.kind = 'COFFEE' THEN (ARRAY['250 g', '500 g', '1 kg', '2 kg'])[1 + (j - 1) % 4] ELSE 'Opção ' || j END,
           round(p.min_price_cents * (ARRAY[1, 1.85, 3.4, 6.5])[1 + (j - 1) % 4])::int - CASE WHEN j = 1 THEN 0 ELSE 10 END,
           'BRL', NULL, (ARRAY[270, 520, 1020, 2030])[1 + (j - 1) % 4],
           CASE WHEN p.kind = 'COFFEE' THEN jsonb_build_object('tamanho', (ARRAY['250 g', '500 g', '1 kg', '2 kg'])[1 + (j - 1) % 4]) ELSE '{}'::jsonb END,
           j - 1
         FROM generate_series($1::int, $2::int) AS g(i)
         JOIN products p ON p.id = md5('bench-product-' || g.i)::uuid
         CROSS JOIN generate_series(1, $3::int) AS j
         ON CONFLICT DO NOTHING`,
        [start, end, perProduct],
      );
      await tx.manager.query(
        `INSERT INTO stock_levels (sku, on_hand)
         SELECT 'BENCH-' || g.i || '-' || j, CASE WHEN (g.i + j) % 10 = 0 THEN 0 ELSE ((g.i * 31 + j * 17) % 60) + 1 END
         FROM generate_series($1::int, $2::int) AS g(i) CROSS JOIN generate_series(1, $3::int) AS j
         ON CONFLICT DO NOTHING`,
        [start, end, perProduct],
      );
    });
    log(`products ${end}/${total}`);
  }
  await tx.manager.query('ANALYZE products');
  await tx.manager.query('ANALYZE product_variants');
  await tx.manager.query('ANALYZE stock_levels');
  return { products: total, variants: total * perProduct };
}
