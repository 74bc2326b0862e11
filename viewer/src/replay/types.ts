/**
 * The replay file as the viewer reads it (docs/replay-format.md, version 1).
 * Times are seconds since the run started, coordinates metres, masses kg.
 */
export interface StreamInfo { id: string; kind: string; colour: string }
export interface Site { id: string; name?: string; x: number; y: number }
export interface Station extends Site { capacityKgPerDay: number; storageKg: number }
export interface Plant extends Site { type: string; capacityKgPerDay: number; pitKg: number | null; streams: string[] }
export interface TruckInfo { id: string; type: string; streams: string[]; capacityKg: number; depot: string; kind: 'collection' | 'haul' | string }
export interface Target { name: string; target: number; unit: string }

export interface ReplayHeader {
  format: 'wastetwin-replay';
  version: 1;
  scenario: string;
  seed: number;
  days: number;
  startDate: string;
  sampleMinutes: number;
  origin: { lon: number; lat: number } | null;
  attribution: string | null;
  bounds: [number, number, number, number];
  streams: StreamInfo[];
  roads: { classes: string[]; polylines: number[][] };
  points: { ids: string[]; x: number[]; y: number[]; capacityKg: number[] };
  depots: Site[];
  stations: Station[];
  plants: Plant[];
  trucks: TruckInfo[];
  targets: Target[];
}

export interface DriveLeg { kind: 'drive'; xy: number[]; t: number[]; loadKg: number }
export interface ServeLeg { kind: 'serve'; t0: number; t1: number; point: number; loadKg: [number, number] }
export interface QueueLeg { kind: 'queue'; t0: number; t1: number; site: string }
export interface UnloadLeg { kind: 'unload'; t0: number; t1: number; site: string; loadKg: [number, number]; manifests: string[] }
export type Leg = DriveLeg | ServeLeg | QueueLeg | UnloadLeg;

export interface Manifest {
  id: string; kind?: string; stream: string; kg: number; truck: string | null;
  point?: string | null; site: string | null; plant: string | null; t0: number; t1: number;
}

export interface DayKpis {
  generatedKg: number; collectedKg: number; landfilledKg: number; recyclingRate: number;
  sameDayClearance: number; treatedKgByPlant: Record<string, number>;
}

export interface ReplayDay {
  type: 'day';
  day: number;
  trucks: { id: string; legs: Leg[] }[];
  samples: { t: number[]; binFill: number[][]; stationStockKg: number[][]; plantPitKg: number[][]; landfillKg: number[] };
  manifests: Manifest[];
  kpis: DayKpis;
}

export const SECONDS_PER_DAY = 86_400;
