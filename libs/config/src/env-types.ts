import { z } from 'zod';

/** Small zod helpers for environment values, which always arrive as strings. */
export const env = {
  port: (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback),
  int: (fallback: number, min = 0) => z.coerce.number().int().min(min).default(fallback),
  bool: (fallback: boolean) =>
    z
      .enum(['true', 'false', '1', '0', 'yes', 'no'])
      .default(fallback ? 'true' : 'false')
      .transform((value) => value === 'true' || value === '1' || value === 'yes'),
  url: (fallback: string, protocols: string[]) =>
    z
      .string()
      .default(fallback)
      .refine((value) => {
        try {
          return protocols.includes(new URL(value).protocol.replace(/:$/, ''));
        } catch {
          return false;
        }
      }, `must be a URL with protocol ${protocols.join(' or ')}`),
  optionalUrl: (protocols: string[]) =>
    z
      .string()
      .optional()
      .transform((value) => (value === '' ? undefined : value))
      .refine((value) => {
        if (value === undefined) return true;
        try {
          return protocols.includes(new URL(value).protocol.replace(/:$/, ''));
        } catch {
          return false;
        }
      }, `must be a URL with protocol ${protocols.join(' or ')}`),
  list: (fallback: string[]) =>
    z
      .string()
      .default(fallback.join(','))
      .transform((value) =>
        value
          .split(',')
          .map((item) => item.trim())
          .filter(Boolean),
      ),
  secret: (devFallback: string, minLength = 32) =>
    z
      .string()
      .min(minLength, `must be at least ${minLength} characters`)
      .default(devFallback),
};
