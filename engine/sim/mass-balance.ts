/**
 * The mass balance: everything that entered the system (generated, plus what
 * the bins held at the start) equals everything held or gone — in bins, in
 * trucks, at stations, on the road to plants, in pits, treated, landfilled.
 * Checked at every midnight; a gap over the tolerance is an error, not a warning.
 */
export const MASS_BALANCE_TOLERANCE_KG = 1;

export class MassBalanceError extends Error {
  override name = 'MassBalanceError';
}

export interface Holdings {
  generatedKg: number;
  initialKg: number;
  binsKg: number;
  trucksKg: number;
  stationsKg: number;
  inTransitKg: number;
  pitsKg: number;
  treatedKg: number;
  landfilledKg: number;
}

/** In minus held: positive when waste has gone missing, negative when it appeared from nowhere. */
export function massBalanceGap(h: Holdings): number {
  return h.generatedKg + h.initialKg - (h.binsKg + h.trucksKg + h.stationsKg + h.inTransitKg + h.pitsKg + h.treatedKg + h.landfilledKg);
}

export function assertMassBalance(day: number, h: Holdings): number {
  const gap = massBalanceGap(h);
  if (!(Math.abs(gap) <= MASS_BALANCE_TOLERANCE_KG)) {
    throw new MassBalanceError(`mass balance broken at the end of day ${day}: ${gap.toFixed(3)} kg ${gap > 0 ? 'unaccounted for' : 'appeared from nowhere'} ` +
      `(in: generated ${h.generatedKg.toFixed(1)} + initial ${h.initialKg.toFixed(1)}; held: bins ${h.binsKg.toFixed(1)}, trucks ${h.trucksKg.toFixed(1)}, ` +
      `stations ${h.stationsKg.toFixed(1)}, in transit ${h.inTransitKg.toFixed(1)}, pits ${h.pitsKg.toFixed(1)}, treated ${h.treatedKg.toFixed(1)}, landfilled ${h.landfilledKg.toFixed(1)})`);
  }
  return gap;
}
