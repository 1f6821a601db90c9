/** What the harness learned about the shop before the run (slugs, SKUs, search words, users). */
export interface StorefrontData {
  categorySlugs: string[];
  productSlugs: string[];
  /** SKUs with plenty in stock, for carts and checkouts. */
  skus: string[];
  searchTerms: string[];
}

/** One kind of storefront request and its share of the traffic. */
export interface StorefrontOperation {
  name: string;
  /** Relative weight in the mix. */
  weight: number;
  /** Needs a signed-in user; anonymous visitors never send it. */
  authenticated: boolean;
  query: string;
  variables(data: StorefrontData, pick: <T>(items: T[]) => T): Record<string, unknown>;
}

/**
 * The storefront mix: what the shop's web front end sends, in proportions typical of a
 * coffee shop (browsing dominates; about 2% of requests are checkouts). Queries are shaped
 * like the front end's, so the response cache and DataLoaders see realistic keys.
 */
export const STOREFRONT_OPERATIONS: StorefrontOperation[] = [
  {
    name: 'home',
    weight: 20,
    authenticated: false,
    query: /* GraphQL */ `
      query Home {
        categories { id slug name }
        products(first: 12, sort: NEWEST, filter: { inStock: true }) {
          edges { node { id slug name minPriceCents inStock images { url alt } } }
        }
      }
    `,
    variables: () => ({}),
  },
  {
    name: 'category',
    weight: 20,
    authenticated: false,
    query: /* GraphQL */ `
      query Category($slug: String!, $sort: ProductSort) {
        products(first: 24, sort: $sort, filter: { categorySlug: $slug }) {
          totalCount
          pageInfo { hasNextPage endCursor }
          edges { node { id slug name minPriceCents inStock images { url alt } coffee { originCountry roastLevel scaScore } } }
        }
      }
    `,
    variables: (data, pick) => ({ slug: pick(data.categorySlugs), sort: pick(['NEWEST', 'PRICE_ASC', 'PRICE_DESC', 'NAME']) }),
  },
  {
    name: 'search',
    weight: 12,
    authenticated: false,
    query: /* GraphQL */ `
      query Search($query: String!) {
        search(query: $query, first: 20) {
          edges { node { id slug name minPriceCents inStock } }
        }
      }
    `,
    variables: (data, pick) => ({ query: pick(data.searchTerms) }),
  },
  {
    name: 'product',
    weight: 25,
    authenticated: false,
    query: /* GraphQL */ `
      query ProductPage($slug: String!) {
        product(slug: $slug) {
          id slug name description brand tags
          images { url alt }
          coffee { originCountry originRegion farm process roastLevel scaScore tastingNotes }
          variants { sku name priceCents compareAtPriceCents inStock availableQuantity options { name value } }
          category { slug name breadcrumbs { slug name } }
        }
      }
    `,
    variables: (data, pick) => ({ slug: pick(data.productSlugs) }),
  },
  {
    name: 'courses',
    weight: 8,
    authenticated: false,
    query: /* GraphQL */ `
      query Courses {
        courses(first: 20) { edges { node { id slug title level durationMinutes } } }
      }
    `,
    variables: () => ({}),
  },
  {
    name: 'me-and-orders',
    weight: 7,
    authenticated: true,
    query: /* GraphQL */ `
      query Account {
        me { id name email }
        myOrders(first: 10) { edges { node { id status totalCents } } }
      }
    `,
    variables: () => ({}),
  },
  {
    name: 'add-to-cart',
    weight: 6,
    authenticated: true,
    query: /* GraphQL */ `
      mutation AddToCart($sku: ID!) {
        addToCart(input: { sku: $sku, quantity: 1 }) { id itemCount totalCents }
      }
    `,
    variables: (data, pick) => ({ sku: pick(data.skus) }),
  },
  {
    name: 'checkout',
    weight: 2,
    authenticated: true,
    query: /* GraphQL */ `
      mutation Checkout($key: String!) {
        checkout(input: { idempotencyKey: $key, paymentToken: "4242424242424242" }) {
          __typename
          ... on Order { id status totalCents }
          ... on ErrorResult { message }
        }
      }
    `,
    variables: () => ({ key: `bench-${Date.now()}-${Math.random().toString(36).slice(2)}` }),
  },
];
