/**
 * The scenario file: what a planner writes. Validated with zod; every field
 * carries its unit in its name. `scenarioJsonSchema()` exports the same rules
 * as JSON Schema for editors (`wastetwin schema`).
 *
 * Structural rules live here; rules that relate fields to each other (stream
 * names that must exist, ids that must be unique) live in ./checks.ts so that
 * every problem in a file is reported at once.
 */
import { z } from 'zod';

const id = z.string().regex(/^[A-Za-z0-9_.:-]+$/, 'must be letters, digits, _ . : or -');
const positive = z.number().finite().gt(0, 'must be > 0');
const nonNegative = z.number().finite().min(0, 'must be ≥ 0');
const fraction = z.number().finite().min(0, 'must be ≥ 0').max(1, 'must be ≤ 1');
const clock = z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/, 'must be a time HH:MM');

/** Where something stands: metres in the city plane, a fraction of the city's extent, or lon/lat (real roads). */
export const Location = z.union([
  z.strictObject({ x: z.number().finite(), y: z.number().finite() }),
  z.strictObject({ fx: fraction, fy: fraction }),
  z.strictObject({ lon: z.number().min(-180).max(180), lat: z.number().min(-90).max(90) }),
]);

export const STREAM_KINDS = ['residual', 'food', 'recyclable', 'hazardous', 'other'] as const;
export const Stream = z.strictObject({
  id,
  name: z.string().optional(),
  kind: z.enum(STREAM_KINDS),
  densityKgPerM3: positive.describe('loose density in a bin, for volume limits'),
  /** Density once compacted in a truck body. */
  compactedDensityKgPerM3: positive.optional(),
});

export const SyntheticCity = z.strictObject({
  kind: z.literal('synthetic'),
  widthKm: positive,
  heightKm: positive,
  blockM: positive.default(250).describe('spacing of the local street grid'),
  jitter: fraction.default(0.25).describe('perturbation of grid nodes, as a fraction of a block'),
  districts: z.number().int().min(1).default(4),
  arterialEveryBlocks: z.number().int().min(2).default(6),
  ringRoad: z.boolean().default(true),
  oneWayShare: fraction.default(0.1).describe('share of local streets made one-way'),
  maxSnapM: positive.default(500).describe('listed sites farther than this from a road are refused as unreachable'),
  speedsKmh: z.strictObject({
    local: positive.default(25),
    collector: positive.default(35),
    arterial: positive.default(50),
    ring: positive.default(70),
    service: positive.default(15),
  }).prefault({}),
});

export const RoadFile = z.strictObject({
  kind: z.enum(['osm', 'imported']),
  file: z.string().min(1).describe('an .osm.pbf / .osm / .osm.gz extract, or a network imported by `wastetwin import-osm`; relative to the scenario file'),
  speedsKmh: z.record(z.string(), positive).optional().describe('speed per OSM highway class, overriding the defaults'),
  maxSnapM: positive.default(500).describe('collection points farther than this from a road are refused'),
});

export const Generation = z.strictObject({
  perCapitaKgPerDay: positive,
  /** Share of each stream in the total; must sum to 1. */
  shares: z.record(z.string(), fraction),
  /** Monday first. */
  weekdayFactors: z.array(positive).length(7).default([1, 1, 1, 1, 1.05, 1.1, 1.05]),
  seasonalAmplitude: fraction.default(0.08).describe('± share around the yearly mean, peaking on peakDayOfYear'),
  peakDayOfYear: z.number().int().min(1).max(366).default(200),
  noiseCv: nonNegative.default(0.15).describe('coefficient of variation of the lognormal day-to-day noise'),
  /** Relative weight of each hour 0..23 in a day's generation. */
  hourlyProfile: z.array(nonNegative).length(24).optional(),
  growthPerYear: z.number().finite().gt(-1).default(0).describe('compound growth of generation per year, e.g. 0.03'),
  baseDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD').optional().describe('the date perCapitaKgPerDay holds for; growth runs from there (default: startDate)'),
});

const BinCapacities = z.record(z.string(), positive).describe('bin capacity in kg per stream');

export const GeneratedPoints = z.strictObject({
  generate: z.strictObject({
    count: z.number().int().min(1),
    totalPopulation: positive,
    binCapacityKg: BinCapacities,
    scaleBinsByPopulation: z.boolean().default(false)
      .describe('bigger compounds get more bins: capacity in proportion to the population served, binCapacityKg being that of a point of average population'),
  }),
});
export const ListedPoint = z.strictObject({
  id,
  at: Location,
  population: positive,
  binCapacityKg: BinCapacities,
  streams: z.array(z.string()).optional().describe('streams collected here; default all with a bin capacity'),
});
export const CollectionPoints = z.union([GeneratedPoints, z.strictObject({ list: z.array(ListedPoint).min(1) })]);

export const Depot = z.strictObject({ id, name: z.string().optional(), at: Location });

export const TransferStation = z.strictObject({
  id,
  name: z.string().optional(),
  at: Location,
  streams: z.array(z.string()).min(1),
  bays: z.number().int().min(1),
  serviceMinutes: positive.describe('tipping time per truck'),
  capacityTonnesPerDay: positive,
  storageTonnes: positive.describe('compacted waste the station can hold before it must ship'),
  open: clock.default('05:00'),
  close: clock.default('22:00'),
  haul: z.strictObject({
    trucks: z.number().int().min(1),
    capacityTonnes: positive,
    loadMinutes: positive.default(20),
    unloadMinutes: positive.default(15),
    speedKmh: positive.default(45),
  }),
});

export const PLANT_TYPES = ['incinerator', 'food-waste', 'recycling', 'hazardous', 'landfill'] as const;
export const Plant = z.strictObject({
  id,
  name: z.string().optional(),
  type: z.enum(PLANT_TYPES),
  at: Location,
  streams: z.array(z.string()),
  capacityTonnesPerDay: positive,
  pitTonnes: nonNegative.default(0).describe('storage in front of the process: the bunker of an incinerator'),
  bays: z.number().int().min(1).optional()
    .describe('tipping bays of the reception hall (a landfill: of its tipping face); arriving trucks queue first come, first served for a free one; default one per 300 t/day of capacity, at least 4'),
  tipMinutes: positive.optional()
    .describe('minutes a truck holds a bay (weighbridge in, reverse, tip); the load enters the pit when it ends; default: the delivering haul truck\'s unloadMinutes (15 unless set)'),
  /** Recycling: the share recovered as material; the rest is residue sent on as residual waste. */
  recoveryRate: fraction.optional(),
  gateFeePerTonne: nonNegative.default(0),
  /** Day indices (0-based) on which the whole plant treats nothing. */
  outageDays: z.array(z.number().int().min(0)).default([]),
  /** Part of the capacity down for a while: one incineration line of several, say. */
  lineOutages: z.array(z.strictObject({
    startDay: z.number().int().min(0),
    days: z.number().int().min(1),
    capacityLostTonnesPerDay: positive,
  })).default([]),
});

export const FleetType = z.strictObject({
  id,
  name: z.string().optional(),
  count: z.number().int().min(0),
  capacityKg: positive,
  capacityM3: positive,
  streams: z.array(z.string()).min(1),
  depot: z.string(),
  speedFactor: positive.default(1).describe('multiplies road speeds (a heavy truck < 1)'),
  costPerKm: nonNegative.default(0),
  costPerHour: nonNegative.default(0),
  energy: z.strictObject({ kind: z.enum(['diesel', 'electric']), perKm: positive.describe('litres or kWh per km') }),
  shiftStart: clock.default('06:00'),
  shiftHours: positive.max(24),
  serviceSecondsPerStop: positive.default(60),
});

export const Targets = z.strictObject({
  recyclingRate: fraction.optional(),
  landfillTonnesPerDay: nonNegative.optional().describe('0 means zero landfill'),
  sameDayClearance: fraction.optional(),
  plantLoadMax: fraction.optional().describe('no plant above this share of its daily capacity'),
  stationLoadMax: positive.optional().describe('no transfer station above this share of its daily capacity (1 = nameplate)'),
});

export const TIMETABLE_FREQUENCIES = ['twice-daily', 'daily', 'every-other-day', 'twice-weekly', 'weekly'] as const;
/** Bus-style collection (公交式收运): fixed lines with published stop times, designed by `wastetwin plan`. */
export const TimetableOptions = z.strictObject({
  demandQuantile: z.number().gt(0).lt(1).default(0.9)
    .describe('bins are sized on this quantile of the waste between two visits, so a bin overflows between visits with a chance of at most 1 − quantile'),
  demandQuantileByStream: z.record(z.string(), z.number().gt(0).lt(1)).default({}),
  frequencies: z.array(z.enum(TIMETABLE_FREQUENCIES)).min(1).default([...TIMETABLE_FREQUENCIES]).describe('service frequencies a point may be given'),
  slackShare: z.number().finite().min(0).max(1).default(0.1).describe('added to planned travel, service and unload times so an ordinary day keeps to time'),
  lunch: z.strictObject({ earliest: clock.default('11:00'), latest: clock.default('12:30'), minutes: positive.default(30) }).nullable().prefault({}),
  onTimeMinutes: nonNegative.default(10).describe('a stop is on time when the truck arrives at most this late'),
  maxStopsPerSolve: z.number().int().min(10).default(250).describe('larger groups of stops are cut into sectors solved apart'),
  solverIterations: z.number().int().min(1).default(1000),
  routesFile: z.string().min(1).optional().describe('a routes.json written by `wastetwin plan`: simulate its lines instead of designing new ones; relative to the scenario file'),
}).prefault({});

export const Collection = z.strictObject({
  /** How routes are made: `baseline` is the built-in sweep planner; `timetable` runs fixed bus-style lines (see `timetable`); `vrp` routes each day with the routing solver (per stream and station catchment, reloads at the station). */
  planner: z.enum(['baseline', 'timetable', 'vrp']).default('baseline'),
  /** `daily`: a new plan every morning from the bins as they stand; `once`: fixed routes planned on day 0 and run every day. */
  replan: z.enum(['daily', 'once']).default('daily'),
  /** A bin is due when its fill reaches this share, or if it would overflow before the next day; 0: every bin every day. */
  visitThreshold: fraction.default(0),
  /** Thresholds for particular streams, e.g. `{ "hazardous": 0.8 }` for bins emptied only when nearly full. */
  visitThresholdByStream: z.record(z.string(), fraction).default({}),
  timetable: TimetableOptions,
  /** Worker threads the `vrp` planner solves a day's parts on (1: in the simulation's thread); default: the cores. Never changes the plan. */
  workers: z.number().int().min(1).optional(),
}).prefault({});

/** Where station haul loads go. */
export const Dispatch = z.strictObject({
  policy: z.enum(['nearest', 'lp']).default('nearest')
    .describe('nearest: the nearest plant with room; lp: the station → plant shares of the tonnage LP, the nearest rule where no LP plant has room'),
  resolve: z.enum(['once', 'daily', 'on-outage']).default('on-outage')
    .describe('when the LP is solved again: once (day 0), daily, or on-outage (day 0 and whenever a plant\'s capacity changes)'),
}).prefault({});

export const Output = z.strictObject({
  sampleMinutes: z.number().int().min(1).max(1440).default(30),
  /** Write replay.ndjson (large for a megacity year: switch off for capacity studies). */
  replay: z.boolean().default(true),
  /** `all`: a manifest row for every pickup from a bin too; `loads`: only truck loads tipped, hauled, diverted or sent on. */
  manifests: z.enum(['all', 'loads']).default('all'),
}).prefault({});

/** Where a scenario's figures come from: plans quoted, and assumptions with their reasons. */
export const Sources = z.strictObject({
  plans: z.array(z.string()).default([]).describe('the documents quoted'),
  dailyGeneratedTonnes: positive.optional().describe('the daily tonnage the scenario is built to produce (tests hold a run within 10 % of it)'),
  figures: z.array(z.strictObject({
    what: z.string(),
    value: z.union([z.number(), z.string()]),
    source: z.string().describe('the plan and passage, or "assumption"'),
    why: z.string().optional().describe('for an assumption: why this value'),
  })).default([]),
});

export const Scenario = z.strictObject({
  $schema: z.string().optional(),
  name: z.string().min(1),
  description: z.string().optional(),
  sources: Sources.optional(),
  seed: z.union([z.number().int(), z.string()]).default(1),
  days: z.number().int().min(1).max(3660),
  startDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD').default('2025-01-06'),
  network: z.discriminatedUnion('kind', [SyntheticCity, RoadFile]),
  streams: z.array(Stream).min(1),
  generation: Generation,
  collectionPoints: CollectionPoints,
  depots: z.array(Depot).min(1),
  transferStations: z.array(TransferStation).min(1),
  plants: z.array(Plant).min(1),
  fleet: z.array(FleetType).min(1),
  collection: Collection,
  dispatch: Dispatch,
  targets: Targets.default({}),
  output: Output,
});

export type ScenarioInput = z.input<typeof Scenario>;
export type Scenario = z.output<typeof Scenario>;
export type Stream = z.output<typeof Stream>;
export type Plant = z.output<typeof Plant>;
export type TransferStation = z.output<typeof TransferStation>;
export type FleetType = z.output<typeof FleetType>;
export type Location = z.output<typeof Location>;
export type SyntheticCity = z.output<typeof SyntheticCity>;

export function scenarioJsonSchema(): unknown {
  return z.toJSONSchema(Scenario, { io: 'input', unrepresentable: 'any' });
}
