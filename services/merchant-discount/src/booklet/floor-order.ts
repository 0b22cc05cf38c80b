/**
 * Where a floor name stands in the building, bottom up: basements (B2 before B1), the ground
 * floor (G, GF, L0), then the floors above (L1, 1F, 2, ...). Names of no known form come last,
 * in text order, so a booklet's index still reads as a walk up the centre.
 */
function level(floor: string): number | undefined {
  const name = floor.trim().toUpperCase();
  const basement = /^B(\d{1,2})F?$/.exec(name);
  if (basement) return -Number(basement[1]);
  if (name === 'G' || name === 'GF' || name === 'UG') return 0;
  const above = /^(?:L)?(\d{1,3})(?:F)?$/.exec(name);
  return above ? Number(above[1]) : undefined;
}

export function compareFloors(a: string, b: string): number {
  const la = level(a);
  const lb = level(b);
  if (la !== undefined && lb !== undefined) return la - lb || a.localeCompare(b);
  if (la !== undefined) return -1;
  if (lb !== undefined) return 1;
  return a.localeCompare(b);
}
