import { createHash } from 'node:crypto';

/** Namespace of catalog ids derived from names (UUIDv5, RFC 9562). Never change it. */
export const CATALOG_ID_NAMESPACE = '3c8f2b9e-6a51-4d0e-9f4a-2b7c1e5d8a60';

/**
 * UUIDv5 of `name` in the catalog namespace: the same name always gives the same id, so seeds
 * (here and in other services) can refer to demo records without looking them up.
 * Products use `product:<slug>`, categories `category:<slug>`.
 */
export function stableUuid(name: string): string {
  const namespace = Buffer.from(CATALOG_ID_NAMESPACE.replace(/-/g, ''), 'hex');
  const bytes = createHash('sha1').update(namespace).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The stable id of the demo product with this slug. */
export const productIdForSlug = (slug: string) => stableUuid(`product:${slug}`);

/** The stable id of the demo category with this slug. */
export const categoryIdForSlug = (slug: string) => stableUuid(`category:${slug}`);
