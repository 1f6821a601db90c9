// Lets a child Node process run the TypeScript sources directly, as Jest does: compiles .ts
// with SWC (same options as jest.config.js) and resolves the @mestres/* path aliases.
// Used by tests that must kill a real process: node -r ./register-ts.cjs <entry>.ts
const Module = require('node:module');
const path = require('node:path');
const { transformSync } = require('@swc/core');

const root = path.resolve(__dirname, '../../../..');
const { compilerOptions } = require(path.join(root, 'tsconfig.json'));
const aliases = Object.entries(compilerOptions.paths).map(([alias, [target]]) => [alias, path.join(root, target)]);

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  const alias = aliases.find(([name]) => name === request);
  if (alias) return alias[1];
  // Sources import siblings as './x.js' in a few places (ESM-style); map them to .ts.
  if (request.startsWith('.') && request.endsWith('.js') && parent?.filename?.endsWith('.ts')) {
    const candidate = path.resolve(path.dirname(parent.filename), request.replace(/\.js$/, '.ts'));
    try {
      return resolve.call(this, candidate, parent, ...rest);
    } catch {
      // fall through to the original request
    }
  }
  return resolve.call(this, request, parent, ...rest);
};

require.extensions['.ts'] = function (module, filename) {
  const source = require('node:fs').readFileSync(filename, 'utf8');
  const { code } = transformSync(source, {
    filename,
    sourceMaps: 'inline',
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2023',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};
require('reflect-metadata');
