/**
 * The electronic manifest: one row for every load that changes hands — a
 * pickup from a bin into a truck, a truck tipping at a station, a haul load
 * from a station to a plant, a load diverted to landfill, a recycling
 * residue sent on. Rows are numbered in the order the simulation makes them,
 * which is deterministic.
 */
export type ManifestKind = 'pickup' | 'tip' | 'haul' | 'divert' | 'residue';

export interface Manifest {
  id: string;
  kind: ManifestKind;
  stream: string;
  kg: number;
  point: string;
  truck: string;
  station: string;
  plant: string;
  startS: number;
  endS: number;
}

/**
 * Holds the rows of the day being simulated only: the caller writes them out
 * at midnight, so a year of a megacity never sits in memory.
 */
export class Ledger {
  private rows: Manifest[] = [];
  /** Rows issued since the start of the run. */
  count = 0;

  /** `pickups: false` keeps no row for bin pickups (the loads they make up still get theirs). */
  constructor(private readonly pickups = true) {}

  add(row: Omit<Manifest, 'id'>): string {
    if (row.kind === 'pickup' && !this.pickups) return '';
    const id = `M${String(++this.count).padStart(7, '0')}`;
    this.rows.push({ id, ...row });
    return id;
  }

  /** The day's rows; the ledger starts the next day empty. */
  closeDay(): Manifest[] {
    const out = this.rows;
    this.rows = [];
    return out;
  }
}
