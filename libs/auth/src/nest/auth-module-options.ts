/** Options of {@link AuthModule.forRoot}. */
export interface AuthModuleOptions {
  /** INTERNAL_AUTH_SECRET shared with the gateway, which signs the identity headers with it. */
  internalSecret: string;
}

export const AUTH_MODULE_OPTIONS = Symbol('AUTH_MODULE_OPTIONS');
