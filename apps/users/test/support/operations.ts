/** GraphQL documents the users integration tests share. */
export const AUTH_FIELDS = 'accessToken accessTokenExpiresAt refreshToken refreshTokenExpiresAt user { id name email roles }';

export const REGISTER = `mutation Register($input: RegisterInput!) { register(input: $input) { ${AUTH_FIELDS} } }`;
export const LOGIN = `mutation Login($input: LoginInput!) { login(input: $input) { ${AUTH_FIELDS} } }`;
export const REFRESH = `mutation Refresh($token: String!) { refreshSession(refreshToken: $token) { ${AUTH_FIELDS} } }`;
export const LOGOUT = `mutation { logout }`;
export const CHANGE_PASSWORD = `mutation Change($input: ChangePasswordInput!) { changePassword(input: $input) }`;
export const ME = `{ me { id name email roles createdAt addresses { id isDefault } } }`;

export interface AuthPayloadShape {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  refreshTokenExpiresAt: string;
  user: { id: string; name: string; email: string; roles: string[] };
}
