/** GraphQL documents the orders integration tests share. */
export const CART_FIELDS = `id itemCount subtotalCents shippingCents totalCents currency freeShippingFromCents
  lines { sku quantity unitPriceCents lineTotalCents availableQuantity available priceChanged variant { sku } }`;

export const ORDER_FIELDS = `id status subtotalCents shippingCents totalCents capturedCents refundedCents paymentStatus trackingCode
  placedAt paidAt cancelledAt paymentExpiresAt user { id }
  lines { sku quantity unitPriceCents lineTotalCents productName variantName variant { sku } }
  history { from to actor actorId reason at }`;

export const ADD_TO_CART = `mutation($input: AddToCartInput!) { addToCart(input: $input) { ${CART_FIELDS} } }`;
export const UPDATE_CART_LINE = `mutation($input: UpdateCartLineInput!) { updateCartLine(input: $input) { ${CART_FIELDS} } }`;
export const REMOVE_FROM_CART = `mutation($input: RemoveFromCartInput!) { removeFromCart(input: $input) { ${CART_FIELDS} } }`;
export const MERGE_GUEST_CART = `mutation($cartId: ID!) { mergeGuestCart(cartId: $cartId) { ${CART_FIELDS} } }`;
export const CART = `query($cartId: ID) { cart(cartId: $cartId) { ${CART_FIELDS} } }`;

export const CHECKOUT = `mutation($input: CheckoutInput!) {
  checkout(input: $input) {
    __typename
    ... on Order { ${ORDER_FIELDS} }
    ... on ErrorResult { message code }
    ... on InsufficientStock { shortages { sku requested available } }
    ... on PriceChanged { changes { sku previousUnitPriceCents unitPriceCents } }
    ... on PaymentDeclined { reason retryable order { id status paymentStatus } }
  }
}`;

export const ORDER = `query($id: ID!) { order(id: $id) { ${ORDER_FIELDS} } }`;
export const MY_ORDERS = `query($first: Int, $after: String, $status: OrderStatus) {
  myOrders(first: $first, after: $after, status: $status) { totalCount pageInfo { hasNextPage endCursor } edges { node { id status placedAt } } }
}`;

export const CARDS = {
  success: '4242424242424242',
  declined: '4000000000000002',
  insufficientFunds: '4000000000009995',
  processingError: '4000000000000119',
  requiresConfirmation: '4000000000003220',
} as const;
