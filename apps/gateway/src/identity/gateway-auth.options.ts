import type { JSONWebKeySet } from 'jose';

export const GATEWAY_AUTH_OPTIONS = Symbol('GATEWAY_AUTH_OPTIONS');

export interface GatewayAuthOptions {
  jwks: JSONWebKeySet;
  issuer: string;
  audience: string;
  internalSecret: string;
}
