import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse, type GraphQLSchema } from 'graphql';
import { AUTHOR_REVIEWS, IN_STOCK, PRODUCTS, REVIEW_AUTHOR, REVIEWS, USERS, type ReviewRecord } from './data';

/** The four subgraphs of the public federation benchmark, as Federation 2 SDL. */
export const SUBGRAPH_SDL = {
  accounts: /* GraphQL */ `
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable"])
    type Query {
      me: User
      user(id: ID!): User
      users: [User]
    }
    type User @key(fields: "id") {
      id: ID!
      name: String
      "Shareable: the reviews subgraph provides it with each review's author."
      username: String @shareable
      birthday: Int
    }
  `,
  inventory: /* GraphQL */ `
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@external", "@requires"])
    type Product @key(fields: "upc") {
      upc: String!
      weight: Int @external
      price: Int @external
      inStock: Boolean
      shippingEstimate: Int @requires(fields: "price weight")
    }
  `,
  products: /* GraphQL */ `
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
    type Query {
      topProducts(first: Int = 5): [Product]
    }
    type Product @key(fields: "upc") {
      upc: String!
      name: String
      price: Int
      weight: Int
    }
  `,
  reviews: /* GraphQL */ `
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@external", "@provides"])
    type Review @key(fields: "id") {
      id: ID!
      body: String
      product: Product
      author: User @provides(fields: "username")
    }
    type User @key(fields: "id") {
      id: ID!
      username: String @external
      reviews: [Review]
    }
    type Product @key(fields: "upc") {
      upc: String!
      reviews: [Review]
    }
  `,
} as const;

export type SubgraphName = keyof typeof SUBGRAPH_SDL;
export const SUBGRAPH_NAMES = Object.keys(SUBGRAPH_SDL) as SubgraphName[];

const toReview = (review: ReviewRecord) => ({ id: review.id, body: review.body, productUpc: review.productUpc });

const resolvers = {
  accounts: {
    Query: {
      me: () => USERS[0],
      user: (_: unknown, { id }: { id: string }) => USERS.find((user) => user.id === id) ?? null,
      users: () => USERS,
    },
    User: {
      __resolveReference: ({ id }: { id: string }) => USERS.find((user) => user.id === id) ?? null,
    },
  },
  inventory: {
    Product: {
      __resolveReference: (reference: { upc: string; price?: number; weight?: number }) => ({
        ...reference,
        inStock: IN_STOCK[reference.upc] ?? null,
      }),
      shippingEstimate: ({ price, weight }: { price?: number; weight?: number }) => {
        if (price === undefined || price === null) return null;
        if (price > 1000) return 0;
        return weight === undefined || weight === null ? null : Math.trunc(weight / 2);
      },
    },
  },
  products: {
    Query: {
      topProducts: (_: unknown, { first }: { first?: number }) => PRODUCTS.slice(0, first ?? 5),
    },
    Product: {
      __resolveReference: ({ upc }: { upc: string }) => PRODUCTS.find((product) => product.upc === upc) ?? null,
    },
  },
  reviews: {
    Review: {
      __resolveReference: ({ id }: { id: string }) => {
        const review = REVIEWS.find((candidate) => candidate.id === id);
        return review ? toReview(review) : null;
      },
      product: (review: ReviewRecord) => ({ upc: review.productUpc }),
      author: () => REVIEW_AUTHOR,
    },
    User: {
      __resolveReference: ({ id }: { id: string }) => ({ id }),
      reviews: () => AUTHOR_REVIEWS.map(toReview),
    },
    Product: {
      __resolveReference: ({ upc }: { upc: string }) => ({ upc }),
      reviews: ({ upc }: { upc: string }) => REVIEWS.filter((review) => review.productUpc === upc).map(toReview),
    },
  },
};

export function buildBenchmarkSubgraph(name: SubgraphName): GraphQLSchema {
  return buildSubgraphSchema([{ typeDefs: parse(SUBGRAPH_SDL[name]), resolvers: resolvers[name] as never }]);
}
