module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'referrals',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
