module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'cases',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
