module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'actors',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
