// Version comparison for the advisory check (scripts/audit.ts), without a semver dependency.

export type Floor = {
  package: string;
  /** Every version below this one is affected. */
  minimum?: string;
  /** Affected versions: from `from` (inclusive) to `below` (exclusive; none = every later one). */
  ranges?: { from: string; below?: string }[];
  advisory: string;
  severity: string;
  date: string;
  summary: string;
};

/** Compares two semver versions (x.y.z with an optional -prerelease): negative, 0 or positive. */
export function compareVersions(a: string, b: string): number {
  const [coreA, preA] = splitVersion(a);
  const [coreB, preB] = splitVersion(b);
  for (let i = 0; i < 3; i++) if (coreA[i] !== coreB[i]) return coreA[i] - coreB[i];
  if (!preA.length || !preB.length) return preB.length - preA.length; // a release is above its prereleases
  for (let i = 0; i < Math.max(preA.length, preB.length); i++) {
    if (preA[i] === undefined || preB[i] === undefined) return preA.length - preB.length;
    const numA = /^\d+$/.test(preA[i]);
    const numB = /^\d+$/.test(preB[i]);
    if (numA && numB && Number(preA[i]) !== Number(preB[i]))
      return Number(preA[i]) - Number(preB[i]);
    if (numA !== numB) return numA ? -1 : 1;
    if (preA[i] !== preB[i]) return preA[i] < preB[i] ? -1 : 1;
  }
  return 0;
}

function splitVersion(version: string): [number[], string[]] {
  const match = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+.*)?$/.exec(version.trim());
  if (!match) throw new Error(`not a version: ${version}`);
  return [[+match[1], +match[2], +match[3]], match[4] ? match[4].split(".") : []];
}

/** Whether `version` is one that the floor flags. */
export function belowFloor(version: string, floor: Floor): boolean {
  const ranges = floor.ranges ?? (floor.minimum ? [{ from: "0.0.0", below: floor.minimum }] : []);
  return ranges.some(
    (r) =>
      compareVersions(version, r.from) >= 0 &&
      (r.below === undefined || compareVersions(version, r.below) < 0),
  );
}
