/**
 * Shared code of the Case Studies plugins: the knowledge base schema, the
 * service profile and matching engine, scoring rules, permissions and API
 * types. Pure TypeScript with no I/O, so it runs in the browser, the backend
 * and the CLI alike.
 *
 * @packageDocumentation
 */

export * from './knowledge';
export * from './permissions';
export * from './api';
export * from './profile';
export * from './matching';
export * from './scoring';
export * from './rollouts';
