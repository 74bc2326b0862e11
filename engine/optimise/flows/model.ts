/**
 * The flow model: what the tonnage planner needs to know, in plain numbers
 * and independent of the scenario file. Catchments produce tonnes per day
 * of each stream; transfer stations take them in and haul them on to plants;
 * anything that cannot be placed goes to landfill at a penalty large enough
 * that landfill is the last resort.
 *
 * Without a horizon the model is one steady-state day. With a horizon it runs
 * day by day, carrying stocks in station storage and plant pits, with plant
 * outages on given days.
 */

export interface FlowStream {
  id: string;
  name?: string;
}

export interface Catchment {
  id: string;
  name?: string;
  /** Mean tonnes per day of each stream (index = stream). */
  tonnesPerDay: number[];
}

export interface HaulLimit {
  trucks: number;
  capacityTonnes: number;
  speedKmh: number;
  /** Loading plus unloading time per trip. */
  handlingMinutes: number;
  /** Hours a day each haul truck can work. */
  hoursPerDay: number;
}

export interface FlowStation {
  id: string;
  name?: string;
  /** Stream indices the station takes. */
  streams: number[];
  capacityTonnesPerDay: number;
  /** Storage of compacted waste between days (multi-day form only). */
  storageTonnes?: number;
  /** Stock per stream at the start of the horizon (multi-day form only). */
  initialStockTonnes?: number[];
  /** Truck-hours of haul per day; absent means haul is not a limit. */
  haul?: HaulLimit;
}

export type PlantType = 'incinerator' | 'food-waste' | 'recycling' | 'hazardous' | 'other';

export interface FlowPlant {
  id: string;
  name?: string;
  type: PlantType;
  streams: number[];
  capacityTonnesPerDay: number;
  /** Bunker in front of the process (multi-day form only). */
  pitTonnes?: number;
  initialPitTonnes?: number;
  gateFeePerTonne: number;
  /** Recycling: the share recovered; the rest goes on as `residueStream`. */
  recoveryRate?: number;
  residueStream?: number;
  /** Day indices of the horizon on which the plant treats nothing. */
  outageDays?: number[];
  /** Part of the capacity down for a while (multi-day form): one line of several, say. */
  lineOutages?: LineOutage[];
}

export interface LineOutage {
  startDay: number;
  days: number;
  capacityLostTonnesPerDay: number;
}

/** Tonnes a plant can treat on day d of the horizon, after outages. */
export function plantCapacityOnDay(p: FlowPlant, d: number): number {
  if (p.outageDays?.includes(d)) return 0;
  let t = p.capacityTonnesPerDay;
  for (const o of p.lineOutages ?? []) if (d >= o.startDay && d < o.startDay + o.days) t -= o.capacityLostTonnesPerDay;
  return Math.max(0, t);
}

export interface LandfillPolicy {
  allowed: boolean;
  /** Per tonne, on top of haul and gate fee; defaults to a value above any other route's cost. */
  penaltyPerTonne?: number;
  /** Gate fee of the landfill site. */
  gateFeePerTonne?: number;
  /** Haul distance from each station to the landfill site; absent means 0 km. */
  stationKm?: number[];
  /** Haul distance from each plant (recycling residue) to the landfill site. */
  plantKm?: number[];
}

export interface FlowCosts {
  /** Collection trucks, catchment → station. */
  collectPerTonneKm: number;
  /** Haul trucks, station → plant and plant → plant. */
  haulPerTonneKm: number;
  /** Multi-day form: cost of leaving a tonne in station storage overnight; defaults above any route cost and below landfill. */
  holdPerTonneDay?: number;
}

export interface Horizon {
  days: number;
  /** Demand multiplier per day (weekday, season); default 1. */
  demandFactor?: number[];
  /**
   * `balanced` (planning): stocks at the end may not exceed those at the
   * start, so nothing is deferred past the horizon. `free` (dispatch):
   * stocks left at the end only pay the holding cost.
   */
  end?: 'balanced' | 'free';
}

export interface FlowModel {
  streams: FlowStream[];
  catchments: Catchment[];
  stations: FlowStation[];
  plants: FlowPlant[];
  /** km[c][t]; null or a non-finite value where there is no road. */
  catchmentStationKm: (number | null)[][];
  /** km[t][p]. */
  stationPlantKm: (number | null)[][];
  /** km[p][q]: recycling residue from plant p to plant q (needed when any plant has residue). */
  plantPlantKm?: (number | null)[][];
  costs: FlowCosts;
  landfill: LandfillPolicy;
  /** Each catchment may send to this many nearest accepting stations per stream (default 5)… */
  stationsPerCatchment?: number;
  /** …and to more, nearest first, until their intake is this multiple of the catchment's tonnes (default 2). */
  stationCover?: number;
  /** Optional: collection limit in km, catchment → station. */
  maxCollectKm?: number;
  horizon?: Horizon;
}

export const DEFAULT_STATIONS_PER_CATCHMENT = 5;
export const DEFAULT_STATION_COVER = 2;

/** Trip time of a haul truck there and back, hours. */
export function tripHours(h: HaulLimit, km: number): number {
  return (2 * km) / h.speedKmh + h.handlingMinutes / 60;
}

/** Truck-hours per tonne hauled over `km`. */
export function haulHoursPerTonne(h: HaulLimit, km: number): number {
  return tripHours(h, km) / h.capacityTonnes;
}
