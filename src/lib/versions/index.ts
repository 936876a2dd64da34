/**
 * The version checker. Reads the build an admin pastes ("4.6.607.0", "Version 4.6.607.0",
 * "4, 6, 607, 0", "Lotus Domino 5.3.0721", a whole PowerShell output), places it among the
 * published Sync Service or connector builds, and says what it is, what came after it and which
 * builds lie on the way to the latest one.
 *
 * Versions are compared number by number, never as text: 4.6.607.0 < 4.6.673.0 < 4.7.3.0.
 *
 * Pure TypeScript: no astro:*, no DOM. The versions page renders its table from the same records
 * at build time, and the browser bundles this module to answer ?build= and ?connector=.
 *
 * One module per step: number.ts reads and compares versions, catalog.ts orders the published
 * builds, check.ts answers, island.ts carries the builds to the browser.
 */
export * from './number';
export * from './catalog';
export * from './check';
export * from './island';
