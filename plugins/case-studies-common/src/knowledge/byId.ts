/** Orders entries by id, by code unit, independent of locale (internal; not exported by the package). */
export function byId(a: { id: string }, b: { id: string }): number {
  if (a.id === b.id) return 0;
  return a.id < b.id ? -1 : 1;
}
