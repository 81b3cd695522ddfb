module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  overrides: [
    {
      // The benches (not shipped) reuse the common package's bench code,
      // which it keeps out of its exports.
      files: ['bench/**'],
      rules: { '@backstage/no-forbidden-package-imports': 'off' },
    },
  ],
});
