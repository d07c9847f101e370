/**
 * Marks a phase of loading a chart in the browser's performance timeline ("ownchart:<name>"), so
 * the scale test and `npm run bench` can say where the time goes. A no-op where there is none.
 */
export function markPhase(name: string): void {
  globalThis.performance?.mark?.(`ownchart:${name}`);
}
