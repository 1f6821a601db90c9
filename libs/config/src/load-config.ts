import { z } from 'zod';

/** Thrown when the environment does not satisfy an app's schema; lists every bad key. */
export class ConfigError extends Error {
  constructor(
    readonly app: string,
    readonly problems: string[],
  ) {
    super(`${app}: invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Validates `env` against `schema` once and returns the typed, frozen result.
 * Every problem is collected so an operator fixes them all in one go.
 */
export function loadConfig<S extends z.ZodType>(
  app: string,
  schema: S,
  env: NodeJS.ProcessEnv = process.env,
): Readonly<z.output<S>> {
  const result = schema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const key = issue.path.join('.') || '(root)';
      const value = env[key];
      return value === undefined ? `${key} is missing (${issue.message})` : `${key}: ${issue.message}`;
    });
    throw new ConfigError(app, problems);
  }
  return Object.freeze(result.data);
}

/**
 * Boot-time wrapper: on bad config prints one line naming every bad key and exits 1,
 * instead of letting the app crash later with a stack trace.
 */
export function loadConfigOrExit<S extends z.ZodType>(app: string, schema: S, env: NodeJS.ProcessEnv = process.env) {
  try {
    return loadConfig(app, schema, env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
