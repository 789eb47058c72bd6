// Shared Jest settings. Nest 12 ships as ES modules, so Jest transforms it (and the ESM-only
// packages it pulls in) with SWC to CommonJS, the same way the build compiles our code.
const path = require('node:path');

const esmPackages = ['@nestjs', 'file-type', 'strtok3', 'token-types', '@tokenizer', 'uint8array-extras', 'uuid', 'jose'];

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j|mj)s$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2023',
          keepClassNames: true,
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  transformIgnorePatterns: [`node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  moduleNameMapper: {
    '^@samverkan/(contracts|messaging|platform|testing)$': path.join(__dirname, 'libs/$1/src/index.ts'),
    '^@samverkan/(actors|cases|referrals|learning|gateway)-service$': path.join(__dirname, 'services/$1/src/index.ts'),
  },
  setupFiles: ['reflect-metadata', path.join(__dirname, 'libs/testing/src/jest-quiet-logs.ts')],
  globalSetup: path.join(__dirname, 'libs/testing/src/jest-global-setup.ts'),
  globalTeardown: path.join(__dirname, 'libs/testing/src/jest-global-teardown.ts'),
  testTimeout: 30000,
};
