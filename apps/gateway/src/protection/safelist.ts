import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import { OperationRejection, operationRejected } from './protection.errors';

const APQ_PREFIX = 'apq:';

/** An Apollo persisted query manifest (`apollo-persisted-query-manifest`, version 1). */
interface PersistedQueryManifest {
  format: 'apollo-persisted-query-manifest';
  version: 1;
  operations: Array<{ id: string; name?: string; type?: string; body: string }>;
}

/**
 * The operations allowed in safelist mode, keyed by the SHA-256 of their text (what APQ
 * clients send as `sha256Hash`). The manifest's own ids are not trusted: each body is hashed.
 */
export class Safelist {
  private constructor(private readonly operations: ReadonlyMap<string, string>) {}

  static fromManifestFile(file: string): Safelist {
    let manifest: PersistedQueryManifest;
    try {
      manifest = JSON.parse(readFileSync(file, 'utf8')) as PersistedQueryManifest;
    } catch (error) {
      throw new Error(`cannot read the safelist manifest ${file} (SAFELIST_MANIFEST_PATH): ${(error as Error).message}`);
    }
    return Safelist.fromManifest(manifest, file);
  }

  static fromManifest(manifest: PersistedQueryManifest, source = 'manifest'): Safelist {
    if (manifest?.format !== 'apollo-persisted-query-manifest' || manifest.version !== 1 || !Array.isArray(manifest.operations)) {
      throw new Error(`${source} is not an apollo-persisted-query-manifest version 1`);
    }
    return new Safelist(new Map(manifest.operations.map((operation) => [sha256(operation.body), operation.body])));
  }

  get size(): number {
    return this.operations.size;
  }

  /**
   * Checks a request before Apollo parses anything: by the APQ hash when one is sent, else by
   * the hash of the query text. Throws OPERATION_NOT_IN_SAFELIST otherwise. (When a client
   * sends both, Apollo itself rejects a hash that does not match the text.)
   */
  assertAllowed(body: { query?: unknown; extensions?: { persistedQuery?: { sha256Hash?: unknown } } } | undefined): void {
    const hash = body?.extensions?.persistedQuery?.sha256Hash;
    const key = typeof hash === 'string' ? hash : typeof body?.query === 'string' ? sha256(body.query) : undefined;
    if (key === undefined || !this.operations.has(key)) {
      throw operationRejected(OperationRejection.OPERATION_NOT_IN_SAFELIST, 'This operation is not registered; only operations from the safelist are served.');
    }
  }

  /**
   * A read-only APQ store serving the safelisted operations (registration is off). Apollo
   * prefixes the keys it asks for with `apq:`.
   */
  asPersistedQueryCache(): KeyValueCache<string> {
    return {
      get: async (key) => this.operations.get(key.startsWith(APQ_PREFIX) ? key.slice(APQ_PREFIX.length) : key),
      set: async () => undefined,
      delete: async () => false,
    };
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
