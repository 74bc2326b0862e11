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

export class Ledger {
  readonly rows: Manifest[] = [];
  /** Rows of the day being simulated start here. */
  dayStart = 0;

  add(row: Omit<Manifest, 'id'>): string {
    const id = `M${String(this.rows.length + 1).padStart(7, '0')}`;
    this.rows.push({ id, ...row });
    return id;
  }

  startDay(): void { this.dayStart = this.rows.length; }
  today(): Manifest[] { return this.rows.slice(this.dayStart); }
}
