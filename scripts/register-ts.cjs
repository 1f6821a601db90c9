// Lets a plain `node` process run the repository's TypeScript sources directly:
//   node -r ./scripts/register-ts.cjs some/entry.ts
// Each .ts file is compiled on require with SWC, with the options of scripts/build.mjs
// (decorators, metadata, the @mestres/* path aliases). Used by the benchmarks and by tests
// that need a service in a process of its own (to kill it, or to keep its GraphQL type
// registry apart from the test's).
const { readFileSync } = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const { transformSync } = require('@swc/core');

const root = path.resolve(__dirname, '..');
const { compilerOptions } = JSON.parse(readFileSync(path.join(root, 'tsconfig.json'), 'utf8'));

const options = {
  // No source maps: Node only uses them with --enable-source-maps, and then every
  // `new Error().stack` costs a lookup, which would tax a benchmarked gateway that creates
  // errors on its hot path (make-fetch-happen does).
  sourceMaps: false,
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2023',
    keepClassNames: true,
    baseUrl: root,
    paths: compilerOptions.paths,
  },
  module: { type: 'commonjs', ignoreDynamic: true },
};

Module._extensions['.ts'] = function compileTypeScript(module, filename) {
  const { code } = transformSync(readFileSync(filename, 'utf8'), { ...options, filename });
  module._compile(code, filename);
};

// A few sources import siblings as `./x.js` (NodeNext style); resolve those to `./x.ts`.
const resolve = Module._resolveFilename;
Module._resolveFilename = function resolveTs(request, parent, ...rest) {
  try {
    return resolve.call(this, request, parent, ...rest);
  } catch (error) {
    if (request.startsWith('.') && request.endsWith('.js')) return resolve.call(this, `${request.slice(0, -3)}.ts`, parent, ...rest);
    throw error;
  }
};

require('reflect-metadata');
