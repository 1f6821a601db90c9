import { hasControlCharacters, looksLike } from '../shared/validation';
import { CoffeeProcess } from './coffee-process.enum';
import type { CoffeeAttributesInput, CreateProductInput, ProductImageInput, UpdateProductInput, VariantInput } from './product-admin.input';
import { ProductKind } from './product-kind.enum';
import { ProductStatus } from './product-status.enum';
import type { ProductChanges } from './products.repository';
import { ProductsError } from './products.errors';
import { RoastLevel } from './roast-level.enum';

const MAX_PRICE_CENTS = 100_000_000;
const MAX_VARIANTS = 50;

/** Normalised product fields, as the repository stores them (coffee facts flattened). */
export interface ProductFields {
  slug: string;
  kind: ProductKind;
  status: ProductStatus;
  name: string;
  description: string;
  images: Array<{ url: string; alt: string }>;
  categoryId: string;
  brand: string | null;
  tags: string[];
  coffee: CoffeeFields;
}

export interface CoffeeFields {
  originCountry: string | null;
  originRegion: string | null;
  farm: string | null;
  producer: string | null;
  altitudeMinM: number | null;
  altitudeMaxM: number | null;
  varieties: string[];
  process: string | null;
  roastLevel: string | null;
  scaScore: number | null;
  tastingNotes: string[];
}

export interface VariantFields {
  sku: string;
  name: string;
  priceCents: number;
  compareAtPriceCents: number | null;
  weightGrams: number | null;
  options: Record<string, string>;
  initialStock: number;
}

const EMPTY_COFFEE: CoffeeFields = {
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
};

function text(value: string, field: string, max: number, options: { min?: number; multiline?: boolean } = {}): string {
  const trimmed = value.trim();
  if (trimmed.length < (options.min ?? 1)) throw ProductsError.invalid(field, 'must not be empty');
  if (trimmed.length > max) throw ProductsError.invalid(field, `must be at most ${max} characters`);
  const probe = options.multiline ? trimmed.replace(/[\n\t\r]/g, ' ') : trimmed;
  if (hasControlCharacters(probe)) throw ProductsError.invalid(field, 'must not contain control characters');
  return trimmed;
}

function optionalText(value: string | null | undefined, field: string, max: number): string | null {
  if (value === undefined || value === null || value.trim() === '') return null;
  return text(value, field, max);
}

function textList(values: string[] | null | undefined, field: string, maxItems: number, maxLength: number, lower = false): string[] {
  if (!values) return [];
  if (values.length > maxItems) throw ProductsError.invalid(field, `at most ${maxItems} values`);
  const cleaned = values.map((value, index) => text(value, `${field}[${index}]`, maxLength));
  return [...new Set(lower ? cleaned.map((value) => value.toLowerCase()) : cleaned)];
}

function cents(value: number, field: string): number {
  if (!Number.isInteger(value) || value < 0 || value > MAX_PRICE_CENTS) {
    throw ProductsError.invalid(field, `must be a whole number of cents from 0 to ${MAX_PRICE_CENTS}`);
  }
  return value;
}

export function validateSlug(slug: string, field: string): string {
  if (!looksLike.slug(slug)) throw ProductsError.invalid(field, 'use lower-case letters, digits and single dashes (at most 120 characters)');
  return slug;
}

export function validateCategoryId(id: string, field: string): string {
  if (!looksLike.uuid(id)) throw ProductsError.invalid(field, 'unknown category');
  return id.toLowerCase();
}

function images(values: ProductImageInput[] | null | undefined, field: string) {
  if (!values) return [];
  if (values.length > 20) throw ProductsError.invalid(field, 'at most 20 images');
  return values.map((image, index) => {
    let url: URL;
    try {
      url = new URL(image.url);
    } catch {
      throw ProductsError.invalid(`${field}[${index}].url`, 'must be an absolute URL');
    }
    if (url.protocol !== 'https:' || image.url.length > 500) throw ProductsError.invalid(`${field}[${index}].url`, 'must be an https URL of at most 500 characters');
    return { url: url.toString(), alt: text(image.alt, `${field}[${index}].alt`, 200, { min: 0 }) };
  });
}

export function validateCoffee(input: CoffeeAttributesInput | null | undefined, kind: ProductKind, field: string): CoffeeFields {
  if (!input) return { ...EMPTY_COFFEE };
  if (kind !== ProductKind.COFFEE) throw ProductsError.invalid(field, 'only COFFEE products have coffee attributes');
  const altitude = (value: number | null | undefined, name: string) => {
    if (value === undefined || value === null) return null;
    if (!Number.isInteger(value) || value < 0 || value > 9000) throw ProductsError.invalid(`${field}.${name}`, 'must be whole metres from 0 to 9000');
    return value;
  };
  const altitudeMinM = altitude(input.altitudeMinM, 'altitudeMinM');
  const altitudeMaxM = altitude(input.altitudeMaxM, 'altitudeMaxM');
  if (altitudeMinM !== null && altitudeMaxM !== null && altitudeMaxM < altitudeMinM) {
    throw ProductsError.invalid(`${field}.altitudeMaxM`, 'must not be below altitudeMinM');
  }
  if (input.scaScore !== undefined && input.scaScore !== null && !(input.scaScore >= 0 && input.scaScore <= 100)) {
    throw ProductsError.invalid(`${field}.scaScore`, 'must be between 0 and 100');
  }
  if (input.process && !Object.values(CoffeeProcess).includes(input.process)) throw ProductsError.invalid(`${field}.process`, 'unknown process');
  if (input.roastLevel && !Object.values(RoastLevel).includes(input.roastLevel)) throw ProductsError.invalid(`${field}.roastLevel`, 'unknown roast level');
  return {
    originCountry: optionalText(input.originCountry, `${field}.originCountry`, 60),
    originRegion: optionalText(input.originRegion, `${field}.originRegion`, 100),
    farm: optionalText(input.farm, `${field}.farm`, 120),
    producer: optionalText(input.producer, `${field}.producer`, 120),
    altitudeMinM,
    altitudeMaxM,
    varieties: textList(input.varieties, `${field}.varieties`, 10, 60),
    process: input.process ?? null,
    roastLevel: input.roastLevel ?? null,
    scaScore: input.scaScore ?? null,
    tastingNotes: textList(input.tastingNotes, `${field}.tastingNotes`, 15, 60),
  };
}

export function validateVariant(input: VariantInput, field: string): VariantFields {
  if (!looksLike.sku(input.sku)) throw ProductsError.invalid(`${field}.sku`, 'use upper-case letters, digits and single dashes (at most 64 characters)');
  const priceCents = cents(input.priceCents, `${field}.priceCents`);
  const compareAtPriceCents = input.compareAtPriceCents ?? null;
  if (compareAtPriceCents !== null && cents(compareAtPriceCents, `${field}.compareAtPriceCents`) <= priceCents) {
    throw ProductsError.invalid(`${field}.compareAtPriceCents`, 'must be above priceCents');
  }
  const weightGrams = input.weightGrams ?? null;
  if (weightGrams !== null && (!Number.isInteger(weightGrams) || weightGrams < 1 || weightGrams > 100_000)) {
    throw ProductsError.invalid(`${field}.weightGrams`, 'must be whole grams from 1 to 100000');
  }
  const initialStock = input.initialStock ?? 0;
  if (!Number.isInteger(initialStock) || initialStock < 0 || initialStock > 1_000_000) {
    throw ProductsError.invalid(`${field}.initialStock`, 'must be a whole number from 0 to 1000000');
  }
  const options: Record<string, string> = {};
  (input.options ?? []).forEach((option, index) => {
    const name = text(option.name, `${field}.options[${index}].name`, 40).toLowerCase();
    if (name in options) throw ProductsError.invalid(`${field}.options[${index}].name`, `repeats "${name}"`);
    options[name] = text(option.value, `${field}.options[${index}].value`, 60);
  });
  return { sku: input.sku, name: text(input.name, `${field}.name`, 100), priceCents, compareAtPriceCents, weightGrams, options, initialStock };
}

/** Validates a whole new product; errors name the field, e.g. `input.variants[1].priceCents`. */
export function validateCreateProduct(input: CreateProductInput, field = 'input'): { product: ProductFields; variants: VariantFields[] } {
  if (!Object.values(ProductKind).includes(input.kind)) throw ProductsError.invalid(`${field}.kind`, 'unknown kind');
  const status = input.status ?? ProductStatus.DRAFT;
  if (status === ProductStatus.ARCHIVED) throw ProductsError.invalid(`${field}.status`, 'a new product is DRAFT or ACTIVE');
  if (!input.variants || input.variants.length === 0) throw ProductsError.invalid(`${field}.variants`, 'needs at least one variant');
  if (input.variants.length > MAX_VARIANTS) throw ProductsError.invalid(`${field}.variants`, `at most ${MAX_VARIANTS} variants`);
  const variants = input.variants.map((variant, index) => validateVariant(variant, `${field}.variants[${index}]`));
  const seen = new Set<string>();
  variants.forEach((variant, index) => {
    if (seen.has(variant.sku)) throw ProductsError.invalid(`${field}.variants[${index}].sku`, `repeats ${variant.sku}`);
    seen.add(variant.sku);
  });
  return {
    product: {
      slug: validateSlug(input.slug, `${field}.slug`),
      kind: input.kind,
      status,
      name: text(input.name, `${field}.name`, 200),
      description: input.description ? text(input.description, `${field}.description`, 10_000, { min: 0, multiline: true }) : '',
      images: images(input.images, `${field}.images`),
      categoryId: validateCategoryId(input.categoryId, `${field}.categoryId`),
      brand: optionalText(input.brand, `${field}.brand`, 100),
      tags: textList(input.tags, `${field}.tags`, 20, 40, true),
      coffee: validateCoffee(input.coffee, input.kind, `${field}.coffee`),
    },
    variants,
  };
}

/** Validates a partial update against the product's kind; returns only the fields to change. */
export function validateUpdateProduct(input: UpdateProductInput, kind: ProductKind, field = 'input'): ProductChanges {
  const changes: ProductChanges = {};
  if (input.slug != null) changes.slug = validateSlug(input.slug, `${field}.slug`);
  if (input.name != null) changes.name = text(input.name, `${field}.name`, 200);
  if (input.description != null) changes.description = text(input.description, `${field}.description`, 10_000, { min: 0, multiline: true });
  if (input.images != null) changes.images = images(input.images, `${field}.images`);
  if (input.categoryId != null) changes.categoryId = validateCategoryId(input.categoryId, `${field}.categoryId`);
  if (input.brand !== undefined) changes.brand = optionalText(input.brand, `${field}.brand`, 100);
  if (input.tags != null) changes.tags = textList(input.tags, `${field}.tags`, 20, 40, true);
  if (input.coffee != null) Object.assign(changes, validateCoffee(input.coffee, kind, `${field}.coffee`));
  if (input.status != null) {
    if (input.status === ProductStatus.ARCHIVED) throw ProductsError.invalid(`${field}.status`, 'use archiveProduct to archive');
    changes.status = input.status;
  }
  if (Object.keys(changes).length === 0) throw ProductsError.invalid(field, 'change at least one field');
  return changes;
}

export function validatePrice(priceCents: number, compareAtPriceCents: number | null | undefined): { priceCents: number; compareAtPriceCents: number | null } {
  const price = cents(priceCents, 'priceCents');
  const compareAt = compareAtPriceCents ?? null;
  if (compareAt !== null && cents(compareAt, 'compareAtPriceCents') <= price) throw ProductsError.invalid('compareAtPriceCents', 'must be above priceCents');
  return { priceCents: price, compareAtPriceCents: compareAt };
}
