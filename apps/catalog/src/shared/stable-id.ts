import { uuidV5 } from '@mestres/contracts';

/** Namespace of catalog ids derived from names (UUIDv5, RFC 9562). Never change it. */
export const CATALOG_ID_NAMESPACE = '3c8f2b9e-6a51-4d0e-9f4a-2b7c1e5d8a60';

/**
 * UUIDv5 of `name` in the catalog namespace: the same name always gives the same id, so seeds
 * (here and in other services) can refer to demo records without looking them up.
 * Products use `product:<slug>`, categories `category:<slug>`.
 */
export function stableUuid(name: string): string {
  return uuidV5(CATALOG_ID_NAMESPACE, name);
}

/** The stable id of the demo product with this slug. */
export const productIdForSlug = (slug: string) => stableUuid(`product:${slug}`);

/** The stable id of the demo category with this slug. */
export const categoryIdForSlug = (slug: string) => stableUuid(`category:${slug}`);
