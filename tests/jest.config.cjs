module.exports = {
  ...require('../jest.preset.cjs'),
  displayName: 'e2e',
  rootDir: __dirname,
  testMatch: ['<rootDir>/e2e/**/*.spec.ts', '<rootDir>/integration/**/*.spec.ts'],
  testTimeout: 60000,
};
