export { loadConfig, loadConfigOrExit, ConfigError } from './load-config';
export { env } from './env-types';
export { baseSchema, databaseSchema, type BaseConfig, type DatabaseConfig } from './base.schema';
export { z } from 'zod';
export { renderEnvExample, schemaShape } from './env-example';
