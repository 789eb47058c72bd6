module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'learning',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
