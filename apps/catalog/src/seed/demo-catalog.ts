import { createHash } from 'node:crypto';
import { CoffeeProcess } from '../products/coffee-process.enum';
import { ProductKind } from '../products/product-kind.enum';
import { ProductStatus } from '../products/product-status.enum';
import { RoastLevel } from '../products/roast-level.enum';
import { categoryIdForSlug, productIdForSlug } from '../shared/stable-id';
import { DEMO_CATEGORIES, type DemoCategory } from './demo-categories';
import { DEMO_BLENDS, DEMO_ORIGINS, PROCESS_NAMES, ROAST_NAMES } from './demo-coffees';
import { DEMO_COURSE_CLASSES, DEMO_COURSES, DEMO_EQUIPMENT } from './demo-equipment';

export interface SeedCategory {
  id: string;
  parentId: string | null;
  slug: string;
  name: string;
  description: string;
  path: string;
  position: number;
}

export interface SeedVariant {
  sku: string;
  name: string;
  priceCents: number;
  compareAtPriceCents: number | null;
  weightGrams: number | null;
  options: Record<string, string>;
  onHand: number;
}

export interface SeedProduct {
  id: string;
  slug: string;
  kind: ProductKind;
  status: ProductStatus;
  name: string;
  description: string;
  images: Array<{ url: string; alt: string }>;
  categorySlug: string;
  brand: string | null;
  tags: string[];
  originCountry: string | null;
  originRegion: string | null;
  farm: string | null;
  producer: string | null;
  altitudeMinM: number | null;
  altitudeMaxM: number | null;
  varieties: string[];
  process: CoffeeProcess | null;
  roastLevel: RoastLevel | null;
  scaScore: number | null;
  tastingNotes: string[];
  createdAt: Date;
  variants: SeedVariant[];
}

export interface DemoCatalog {
  categories: SeedCategory[];
  products: SeedProduct[];
}

/** Small deterministic PRNG (mulberry32): the demo catalog is identical on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: readonly T[], rand: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * SKU stem from a slug: a readable start of the slug plus 4 hex digits of its hash, so
 * products whose names only differ at the end still get distinct SKUs.
 */
function skuStem(prefix: string, slug: string): string {
  const readable = slug.toUpperCase().slice(0, 24).replace(/-+$/, '');
  const hash = createHash('sha1').update(slug).digest('hex').slice(0, 4).toUpperCase();
  return `${prefix}-${readable}-${hash}`;
}

const SEED_EPOCH = Date.UTC(2026, 0, 5, 12, 0, 0);
const HOUR = 3_600_000;
const IMAGE_BASE = 'https://images.mestrescafe.com.br/produtos';

function images(slug: string, name: string, count: number) {
  return Array.from({ length: count }, (_, index) => ({
    url: `${IMAGE_BASE}/${slug}-${index + 1}.jpg`,
    alt: index === 0 ? name : `${name} — foto ${index + 1}`,
  }));
}

function flattenCategories(nodes: DemoCategory[], parent: SeedCategory | null, out: SeedCategory[]): void {
  nodes.forEach((node, position) => {
    const category: SeedCategory = {
      id: categoryIdForSlug(node.slug),
      parentId: parent?.id ?? null,
      slug: node.slug,
      name: node.name,
      description: node.description,
      path: parent ? `${parent.path}/${node.slug}` : node.slug,
      position,
    };
    out.push(category);
    flattenCategories(node.children ?? [], category, out);
  });
}

const roundPrice = (cents: number) => Math.round(cents / 100) * 100 - 10;

function coffeeVariants(stem: string, price250: number, rand: () => number): SeedVariant[] {
  const onSale = rand() < 0.12;
  const soldOut = rand() < 0.08;
  const stock = () => (soldOut ? 0 : Math.floor(rand() * 60) + 3);
  const variant = (size: string, grams: number, grind: string, factor: number, grindCode: string): SeedVariant => {
    const priceCents = roundPrice(price250 * factor);
    return {
      sku: `${stem}-${grams}-${grindCode}`,
      name: `${size} · ${grind}`,
      priceCents,
      compareAtPriceCents: onSale ? roundPrice(priceCents * 1.2) : null,
      weightGrams: grams + 20,
      options: { tamanho: size, moagem: grind },
      onHand: stock(),
    };
  };
  return [
    variant('250 g', 250, 'grão', 1, 'GRAO'),
    variant('250 g', 250, 'moído para coado', 1, 'COADO'),
    variant('250 g', 250, 'moído para espresso', 1, 'ESPRESSO'),
    variant('500 g', 500, 'grão', 1.85, 'GRAO'),
    variant('1 kg', 1000, 'grão', 3.4, 'GRAO'),
  ];
}

const METHODS_BY_ROAST: Record<RoastLevel, string> = {
  LIGHT: 'V60, Kalita e Chemex',
  MEDIUM_LIGHT: 'coados, AeroPress e espresso frutado',
  MEDIUM: 'coado do dia a dia, prensa francesa e espresso',
  MEDIUM_DARK: 'espresso, moka e bebidas com leite',
  DARK: 'espresso com leite e cappuccino',
};

function listNotes(notes: string[]): string {
  return notes.length > 1 ? `${notes.slice(0, -1).join(', ')} e ${notes.at(-1)}` : notes[0];
}

/**
 * Builds the demo catalog from the curated lists: same input, same output (ids from slugs,
 * choices from a seeded PRNG), so reseeding changes nothing.
 */
export function buildDemoCatalog(): DemoCatalog {
  const rand = random(20_261_105);
  const categories: SeedCategory[] = [];
  flattenCategories(DEMO_CATEGORIES, null, categories);
  const products: SeedProduct[] = [];
  let sequence = 0;
  const createdAt = () => new Date(SEED_EPOCH + (sequence++ * 7 + Math.floor(rand() * 5)) * HOUR);

  for (const origin of DEMO_ORIGINS) {
    for (const farm of origin.farms) {
      for (const lot of farm.lots) {
        const variety = lot.variety ?? farm.varieties[0];
        const shortFarm = farm.farm.replace(/^(Estação de Lavagem|Estação|Finca|Microbeneficio|Cooperativa) /, '');
        const name =
          origin.country === 'Brasil'
            ? `${farm.farm} ${variety} ${PROCESS_NAMES[lot.process]}`
            : `${origin.country} ${origin.region} ${shortFarm}${lot.variety ? ` ${lot.variety}` : ''} ${PROCESS_NAMES[lot.process]}`;
        const slug = slugify(name);
        const notesPool = origin.notes[lot.process] ?? origin.notes.default;
        const notes = shuffle(notesPool, rand).slice(0, 3);
        const [low, high] = origin.scoreRange;
        const isGeisha = variety === 'Geisha';
        const score = Math.min(95, Math.round((low + rand() * (high - low) + (isGeisha ? 2 : 0) + (lot.process === CoffeeProcess.ANAEROBIC ? 1 : 0)) * 4) / 4);
        const roast = lot.roast ?? (rand() < 0.6 ? RoastLevel.MEDIUM_LIGHT : RoastLevel.MEDIUM);
        const price250 = (isGeisha ? 16_000 : 3_800) + (score - 83) * 900 + Math.floor(rand() * 1_500);
        const altitude = `${farm.altitude[0].toLocaleString('pt-BR')} a ${farm.altitude[1].toLocaleString('pt-BR')} metros`;
        const description =
          `Café especial de ${origin.region}, ${origin.country}, produzido por ${farm.producer} em ${farm.farm}, a ${altitude} de altitude. ` +
          `Variedade ${variety}, processo ${PROCESS_NAMES[lot.process].toLowerCase()}. ` +
          `Na xícara: ${listNotes(notes)}. Pontuação SCA ${score.toLocaleString('pt-BR')}. ` +
          `Torra ${ROAST_NAMES[roast]}, ideal para ${METHODS_BY_ROAST[roast]}. Torrado semanalmente em São Paulo.`;
        products.push({
          id: productIdForSlug(slug),
          slug,
          kind: ProductKind.COFFEE,
          status: ProductStatus.ACTIVE,
          name,
          description,
          images: images(slug, name, 2),
          categorySlug: origin.category,
          brand: 'Mestres Café',
          tags: [
            'cafe-especial',
            ...(score >= 88 ? ['microlote'] : []),
            ...(isGeisha ? ['geisha'] : []),
            ...(lot.process === CoffeeProcess.NATURAL || lot.process === CoffeeProcess.ANAEROBIC ? ['frutado'] : []),
            ...(roast === RoastLevel.LIGHT ? ['torra-clara'] : []),
          ],
          originCountry: origin.country,
          originRegion: origin.region,
          farm: farm.farm,
          producer: farm.producer,
          altitudeMinM: farm.altitude[0],
          altitudeMaxM: farm.altitude[1],
          varieties: lot.variety ? [lot.variety] : farm.varieties,
          process: lot.process,
          roastLevel: roast,
          scaScore: score,
          tastingNotes: notes,
          createdAt: createdAt(),
          variants: coffeeVariants(skuStem('CAF', slug), price250, rand),
        });
      }
    }
  }

  for (const blend of DEMO_BLENDS) {
    const slug = slugify(blend.name);
    const description =
      `${blend.name}: cafés de ${blend.region} combinados para ${METHODS_BY_ROAST[blend.roast]}. ` +
      `Notas de ${listNotes(blend.notes)}. Torra ${ROAST_NAMES[blend.roast]}, pontuação SCA ${blend.score.toLocaleString('pt-BR')}.`;
    products.push({
      id: productIdForSlug(slug),
      slug,
      kind: ProductKind.COFFEE,
      status: ProductStatus.ACTIVE,
      name: blend.name,
      description,
      images: images(slug, blend.name, 1),
      categorySlug: 'blends',
      brand: 'Mestres Café',
      tags: ['blend', ...blend.tags],
      originCountry: 'Brasil',
      originRegion: blend.region,
      farm: null,
      producer: null,
      altitudeMinM: null,
      altitudeMaxM: null,
      varieties: ['Mundo Novo', 'Catuaí Amarelo'],
      process: blend.process,
      roastLevel: blend.roast,
      scaScore: blend.score,
      tastingNotes: blend.notes,
      createdAt: createdAt(),
      variants: coffeeVariants(skuStem('CAF', slug), 3_200 + Math.floor(rand() * 1_200), rand),
    });
  }

  for (const item of DEMO_EQUIPMENT) {
    const slug = slugify(item.name);
    const stem = skuStem('EQP', slug);
    const values = item.options?.values ?? [{ value: '' }];
    products.push({
      id: productIdForSlug(slug),
      slug,
      kind: ProductKind.EQUIPMENT,
      status: ProductStatus.ACTIVE,
      name: item.name,
      description: item.description,
      images: images(slug, item.name, 3),
      categorySlug: item.category,
      brand: item.brand,
      tags: item.tags,
      originCountry: null,
      originRegion: null,
      farm: null,
      producer: null,
      altitudeMinM: null,
      altitudeMaxM: null,
      varieties: [],
      process: null,
      roastLevel: null,
      scaScore: null,
      tastingNotes: [],
      createdAt: createdAt(),
      variants: values.map((option, index) => {
        const priceCents = item.priceCents + (option.priceDeltaCents ?? 0);
        return {
          sku: item.options ? `${stem}-${slugify(option.value).toUpperCase().slice(0, 20).replace(/-+$/, '')}` : stem,
          name: item.options ? `${item.options.name[0].toUpperCase()}${item.options.name.slice(1)}: ${option.value}` : 'Padrão',
          priceCents,
          compareAtPriceCents: index === 0 && rand() < 0.15 ? roundPrice(priceCents * 1.15) : null,
          weightGrams: item.weightGrams,
          options: item.options ? { [item.options.name]: option.value } : {},
          onHand: rand() < 0.07 ? 0 : Math.floor(rand() * 25) + 1,
        };
      }),
    });
  }

  for (const course of DEMO_COURSES) {
    const stem = skuStem('CUR', course.slug.replace(/^curso-/, ''));
    products.push({
      id: productIdForSlug(course.slug),
      slug: course.slug,
      kind: ProductKind.COURSE_SEAT,
      status: ProductStatus.ACTIVE,
      name: course.name,
      description: `${course.description} Carga horária: ${course.hours} horas, na escola Mestres Café em São Paulo. Inclui apostila e certificado.`,
      images: images(course.slug, course.name, 2),
      categorySlug: 'cursos',
      brand: 'Escola Mestres Café',
      tags: course.tags,
      originCountry: null,
      originRegion: null,
      farm: null,
      producer: null,
      altitudeMinM: null,
      altitudeMaxM: null,
      varieties: [],
      process: null,
      roastLevel: null,
      scaScore: null,
      tastingNotes: [],
      createdAt: createdAt(),
      variants: DEMO_COURSE_CLASSES.map((session) => ({
        sku: `${stem}-${session.code}`,
        name: session.label,
        priceCents: course.priceCents,
        compareAtPriceCents: null,
        weightGrams: null,
        options: { turma: session.label },
        onHand: 6 + Math.floor(rand() * 7),
      })),
    });
  }

  assertUnique(products.map((product) => product.slug), 'slug');
  assertUnique(products.flatMap((product) => product.variants.map((variant) => variant.sku)), 'SKU');
  return { categories, products };
}

function assertUnique(values: string[], what: string): void {
  const seen = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) throw new Error(`demo catalog: duplicate ${what} ${value}`);
    seen.add(value);
  }
}
