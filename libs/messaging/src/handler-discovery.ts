import { Injectable } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';

export interface DiscoveredMethod<T> {
  metadata: T;
  /** `ClassName.method`, for logs. */
  name: string;
  /** The method bound to its provider instance. */
  call: (...args: unknown[]) => unknown;
}

/** Finds provider methods carrying a metadata key (set by `@OnEvent` / `@OnRequest`). */
@Injectable()
export class HandlerDiscovery {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  methodsWith<T>(key: symbol): DiscoveredMethod<T>[] {
    const found: DiscoveredMethod<T>[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object' || !wrapper.isDependencyTreeStatic()) continue;
      const prototype = Object.getPrototypeOf(instance) as object | null;
      if (!prototype) continue;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const fn = instance[method];
        if (typeof fn !== 'function') continue;
        const metadata = Reflect.getMetadata(key, fn) as T | undefined;
        if (metadata === undefined) continue;
        found.push({ metadata, name: `${instance.constructor.name}.${method}`, call: (fn as (...args: unknown[]) => unknown).bind(instance) });
      }
    }
    return found;
  }
}
