import { Inject } from '@nestjs/common';

/** The validated UsersConfig, provided by UsersSharedModule. */
export const USERS_CONFIG = Symbol('USERS_CONFIG');
export const InjectUsersConfig = (): ParameterDecorator => Inject(USERS_CONFIG);
