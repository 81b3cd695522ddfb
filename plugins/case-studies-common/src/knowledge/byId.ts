/** Orders strings by code unit, independent of locale. @public */
export function compareCodeUnits(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** Orders entries by id, by code unit, independent of locale (internal; not exported by the package). */
export function byId(a: { id: string }, b: { id: string }): number {
  return compareCodeUnits(a.id, b.id);
}
