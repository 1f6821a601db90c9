// One Jest run covers unit specs (beside the code) and integration/e2e specs
// (under each app's or lib's test/ folder, against real Postgres, Redis and NATS).
const path = require('node:path');
const { compilerOptions } = require('./tsconfig.json');

const moduleNameMapper = { '^(\\.{1,2}/.*)\\.js$': '$1' };
for (const [alias, [target]] of Object.entries(compilerOptions.paths)) {
  moduleNameMapper[`^${alias.replace('/', '\\/')}$`] = path.join(__dirname, target);
}

module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/{apps,libs,bench,k8s,scripts,test}/**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
          target: 'es2023',
          keepClassNames: true,
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleNameMapper,
  setupFiles: ['reflect-metadata'],
  globalSetup: '<rootDir>/libs/testing/src/jest/global-setup.js',
  // Integration suites boot services against real infrastructure; on a loaded 2-core CI
  // machine that can take tens of seconds. Tests still bound their own waits.
  testTimeout: 120000,
  maxWorkers: 2,
};
