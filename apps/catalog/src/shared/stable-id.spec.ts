import { categoryIdForSlug, productIdForSlug, stableUuid } from './stable-id';

describe(stableUuid.name, () => {
  it('is standard UUIDv5, so other services can derive the same ids (vectors from Python uuid.uuid5)', () => {
    expect(productIdForSlug('curso-latte-art')).toBe('a26eae89-a69d-5d68-bed2-945fbd3d4c3d');
    expect(productIdForSlug('curso-barista-basico')).toBe('695e4a29-d3c0-511b-881e-3b1a8a54beb2');
    expect(categoryIdForSlug('cursos')).toBe('46670626-f6bf-5531-8618-01dd7cfa5714');
  });

  it('gives different ids to different names', () => {
    expect(stableUuid('product:a')).not.toBe(stableUuid('product:b'));
    expect(productIdForSlug('cafes')).not.toBe(categoryIdForSlug('cafes'));
  });
});
