import { ProductKind } from '../products/product-kind.enum';
import { productIdForSlug } from '../shared/stable-id';
import { looksLike } from '../shared/validation';
import { buildDemoCatalog } from './demo-catalog';

describe(buildDemoCatalog.name, () => {
  const catalog = buildDemoCatalog();

  it('has at least 150 products of every kind', () => {
    expect(catalog.products.length).toBeGreaterThanOrEqual(150);
    const kinds = new Set(catalog.products.map((product) => product.kind));
    expect(kinds).toEqual(new Set([ProductKind.COFFEE, ProductKind.EQUIPMENT, ProductKind.COURSE_SEAT]));
  });

  it('is the same on every build (stable ids, SKUs, prices and stock)', () => {
    expect(buildDemoCatalog()).toEqual(catalog);
  });

  it('derives product ids from slugs and gives valid slugs and SKUs', () => {
    for (const product of catalog.products) {
      expect(product.id).toBe(productIdForSlug(product.slug));
      expect(looksLike.slug(product.slug)).toBe(true);
      for (const variant of product.variants) expect(looksLike.sku(variant.sku)).toBe(true);
    }
  });

  it('gives coffees believable attributes', () => {
    for (const coffee of catalog.products.filter((product) => product.kind === ProductKind.COFFEE)) {
      expect(coffee.originCountry).toBeTruthy();
      expect(coffee.process).toBeTruthy();
      expect(coffee.roastLevel).toBeTruthy();
      expect(coffee.scaScore).toBeGreaterThanOrEqual(80);
      expect(coffee.scaScore).toBeLessThanOrEqual(95);
      expect(coffee.tastingNotes.length).toBeGreaterThan(0);
      expect(coffee.variants.every((variant) => variant.priceCents > 1000)).toBe(true);
    }
  });

  it('sells the four school courses as seats, one variant per class', () => {
    const courses = catalog.products.filter((product) => product.kind === ProductKind.COURSE_SEAT).map((product) => product.slug);
    expect(courses).toEqual(['curso-barista-basico', 'curso-latte-art', 'curso-cupping-classificacao', 'curso-metodos-de-preparo']);
  });
});
