import { ProductKind } from './product-kind.enum';
import type { CreateProductInput } from './product-admin.input';
import { validateCreateProduct, validatePrice, validateUpdateProduct } from './product-validation';
import { ProductsError } from './products.errors';

const valid = (): CreateProductInput => ({
  slug: 'cafe-teste',
  kind: ProductKind.COFFEE,
  name: 'Café Teste',
  categoryId: '3c8f2b9e-6a51-4d0e-9f4a-2b7c1e5d8a60',
  variants: [{ sku: 'CAF-TESTE-250', name: '250 g', priceCents: 4990 }],
});

function fieldOf(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(ProductsError);
    return (error as ProductsError).details.field;
  }
  throw new Error('expected a validation error');
}

describe(validateCreateProduct.name, () => {
  it('accepts a minimal product and defaults to DRAFT', () => {
    expect(validateCreateProduct(valid()).product.status).toBe('DRAFT');
  });

  it.each([
    ['input.slug', { slug: 'Café Teste' }],
    ['input.name', { name: '   ' }],
    ['input.variants', { variants: [] }],
    ['input.variants[0].priceCents', { variants: [{ sku: 'CAF-1', name: '250 g', priceCents: -5 }] }],
    ['input.variants[0].compareAtPriceCents', { variants: [{ sku: 'CAF-1', name: '250 g', priceCents: 5000, compareAtPriceCents: 4000 }] }],
    ['input.variants[0].sku', { variants: [{ sku: 'caf 1', name: '250 g', priceCents: 5000 }] }],
    ['input.variants[1].sku', { variants: [{ sku: 'CAF-1', name: 'a', priceCents: 1 }, { sku: 'CAF-1', name: 'b', priceCents: 1 }] }],
    ['input.coffee.scaScore', { coffee: { scaScore: 101 } }],
    ['input.coffee.altitudeMaxM', { coffee: { altitudeMinM: 1500, altitudeMaxM: 1000 } }],
    ['input.coffee', { kind: ProductKind.EQUIPMENT, coffee: { originCountry: 'Brasil' } }],
    ['input.images[0].url', { images: [{ url: 'http://insecure.example/a.jpg', alt: 'a' }] }],
    ['input.categoryId', { categoryId: 'nope' }],
  ])('names %s when it is invalid', (field, change) => {
    expect(fieldOf(() => validateCreateProduct({ ...valid(), ...(change as Partial<CreateProductInput>) }))).toBe(field);
  });
});

describe(validateUpdateProduct.name, () => {
  it('rejects an empty change and archiving through update', () => {
    expect(fieldOf(() => validateUpdateProduct({}, ProductKind.COFFEE))).toBe('input');
    expect(fieldOf(() => validateUpdateProduct({ status: 'ARCHIVED' as never }, ProductKind.COFFEE))).toBe('input.status');
  });
});

describe(validatePrice.name, () => {
  it('names the argument at fault', () => {
    expect(fieldOf(() => validatePrice(1.5, null))).toBe('priceCents');
    expect(fieldOf(() => validatePrice(5000, 5000))).toBe('compareAtPriceCents');
    expect(validatePrice(5000, undefined)).toEqual({ priceCents: 5000, compareAtPriceCents: null });
  });
});
