/**
 * The education step of the genetic search: first-improvement local search
 * over granular neighbourhoods (each customer with its closest customers)
 * with relocate (of 1 or 2 customers, possibly reversed), swap (1–1, 2–1,
 * 2–2), 2-opt within a route, 2-opt* between routes (both variants), and
 * SWAP* between routes whose polar sectors overlap. Every move is costed in
 * O(1) from cumulated load, time and reversal distance kept per node (the
 * concatenation of route segments); load and duration excess are penalised
 * with the weights passed to `run`.
 */
import { Individual } from './individual.ts';
import { makeRandom, randInt, type Params, type Random } from './params.ts';
import { CircleSector } from './circle-sector.ts';

interface Node {
  isDepot: boolean;
  cour: number;
  position: number;
  whenLastTestedRI: number;
  next: Node;
  prev: Node;
  route: Route;
  cumulatedLoad: number;
  cumulatedTime: number;
  cumulatedReversalDistance: number;
  deltaRemoval: number;
}

interface Route {
  cour: number;
  nbCustomers: number;
  whenLastModified: number;
  whenLastTestedSWAPStar: number;
  depot: Node;
  depotEnd: Node;
  duration: number;
  load: number;
  reversalDistance: number;
  penalty: number;
  polarAngleBarycenter: number;
  sector: CircleSector;
}

/** The three cheapest insertion places of a customer in a route (SWAP* preprocessing). */
class ThreeBest {
  whenLastCalculated = -1;
  cost = [1e30, 1e30, 1e30];
  loc: (Node | null)[] = [null, null, null];
  reset(): void { this.cost[0] = this.cost[1] = this.cost[2] = 1e30; this.loc[0] = this.loc[1] = this.loc[2] = null; }
  add(c: number, place: Node): void {
    if (c >= this.cost[2]) return;
    if (c >= this.cost[1]) { this.cost[2] = c; this.loc[2] = place; }
    else if (c >= this.cost[0]) { this.cost[2] = this.cost[1]; this.loc[2] = this.loc[1]; this.cost[1] = c; this.loc[1] = place; }
    else {
      this.cost[2] = this.cost[1]; this.loc[2] = this.loc[1];
      this.cost[1] = this.cost[0]; this.loc[1] = this.loc[0];
      this.cost[0] = c; this.loc[0] = place;
    }
  }
}

const EPS = 1e-5;

export class LocalSearch {
  private readonly clients: Node[];
  private readonly routes: Route[];
  private readonly bestInsert: ThreeBest[][];
  private readonly orderNodes: number[];
  private readonly orderRoutes: number[];
  private readonly emptyRoutes = new Set<number>();
  /** A route as flat arrays (depot, customers, end depot), for SWAP*'s insertion costs. */
  private readonly seqCour: Int32Array;
  private readonly seqNodes: Node[];
  private readonly seqEdge: Float64Array;
  private nbMoves = 0;
  private searchCompleted = false;
  private loopID = 0;
  private penCap = 0;
  private penDur = 0;
  private readonly useSwapStar: boolean;
  // Current move's nodes and their data.
  private U!: Node; private X!: Node; private V!: Node; private Y!: Node;
  private rU!: Route; private rV!: Route;
  private u = 0; private x = 0; private v = 0; private y = 0; private uPrev = 0; private xNext = 0; private vPrev = 0; private yNext = 0;
  private loadU = 0; private loadX = 0; private loadV = 0; private loadY = 0;
  private servU = 0; private servX = 0; private servV = 0; private servY = 0;
  private intra = false;

  constructor(private readonly p: Params) {
    const n = p.n, R = p.data.nbVehicles;
    this.dist = p.data.dist; this.N = p.N; this.capacity = p.data.capacity; this.durationLimit = p.data.durationLimit;
    const dummy = {} as Node;
    const node = (cour: number, isDepot: boolean): Node => ({
      isDepot, cour, position: 0, whenLastTestedRI: -1, next: dummy, prev: dummy, route: undefined as unknown as Route,
      cumulatedLoad: 0, cumulatedTime: 0, cumulatedReversalDistance: 0, deltaRemoval: 0,
    });
    this.clients = Array.from({ length: n + 1 }, (_, i) => node(i, false));
    this.routes = Array.from({ length: R }, (_, r) => {
      const route: Route = {
        cour: r, nbCustomers: 0, whenLastModified: 0, whenLastTestedSWAPStar: -1, depot: node(0, true), depotEnd: node(0, true),
        duration: 0, load: 0, reversalDistance: 0, penalty: 0, polarAngleBarycenter: 0, sector: new CircleSector(),
      };
      route.depot.route = route; route.depotEnd.route = route;
      return route;
    });
    this.bestInsert = Array.from({ length: R }, () => Array.from({ length: n + 1 }, () => new ThreeBest()));
    this.orderNodes = Array.from({ length: n }, (_, i) => i + 1);
    this.orderRoutes = Array.from({ length: R }, (_, i) => i);
    this.useSwapStar = p.data.x !== null;
    this.seqCour = new Int32Array(n + 2);
    this.seqNodes = new Array<Node>(n + 2);
    this.seqEdge = new Float64Array(n + 2);
  }

  // Copies of hot instance fields: one load each in the inner loop instead of a chain.
  private readonly dist: Float64Array;
  private readonly N: number;
  private readonly capacity: number;
  private readonly durationLimit: number;
  private d(i: number, j: number): number { return this.dist[i * this.N + j]; }
  private pD(t: number): number { return t > this.durationLimit ? (t - this.durationLimit) * this.penDur : 0; }
  private pL(l: number): number { return l > this.capacity ? (l - this.capacity) * this.penCap : 0; }

  run(indiv: Individual, penaltyCapacity: number, penaltyDuration: number, rng: Random): void {
    this.penCap = penaltyCapacity;
    this.penDur = penaltyDuration;
    this.load(indiv);
    shuffleInPlace(this.orderNodes, rng);
    shuffleInPlace(this.orderRoutes, rng);
    const corr = this.p.correlated;
    for (let i = 1; i <= this.p.n; i++) if (randInt(rng, this.p.s.nbGranular) === 0) shuffleInPlace(corr[i], rng);
    this.searchCompleted = false;
    for (this.loopID = 0; !this.searchCompleted; this.loopID++) {
      if (this.loopID > 1) this.searchCompleted = true;
      for (let posU = 0; posU < this.p.n; posU++) {
        this.U = this.clients[this.orderNodes[posU]];
        const lastTestRI = this.U.whenLastTestedRI;
        this.U.whenLastTestedRI = this.nbMoves;
        const neigh = corr[this.U.cour];
        for (let posV = 0; posV < neigh.length; posV++) {
          this.V = this.clients[neigh[posV]];
          if (this.loopID === 0 || Math.max(this.U.route.whenLastModified, this.V.route.whenLastModified) > lastTestRI) {
            this.setU(); this.setV();
            if (this.move1() || this.move2() || this.move3()) continue;
            if (this.u <= this.v && this.move4()) continue;
            if (this.move5()) continue;
            if (this.u <= this.v && this.move6()) continue;
            if (this.intra && this.move7()) continue;
            if (!this.intra && (this.move8() || this.move9())) continue;
            if (this.V.prev.isDepot) {
              this.V = this.V.prev;
              this.setV();
              if (this.move1() || this.move2() || this.move3()) continue;
              if (!this.intra && (this.move8() || this.move9())) continue;
            }
          }
        }
        if (this.loopID > 0 && this.emptyRoutes.size > 0) {
          this.V = this.routes[Math.min(...this.emptyRoutes)].depot;
          this.setU(); this.setV();
          if (this.move1() || this.move2() || this.move3() || this.move9()) continue;
        }
      }
      if (this.useSwapStar) {
        const R = this.routes.length;
        for (let ru = 0; ru < R; ru++) {
          const routeU = this.routes[this.orderRoutes[ru]];
          const lastTest = routeU.whenLastTestedSWAPStar;
          routeU.whenLastTestedSWAPStar = this.nbMoves;
          for (let rv = 0; rv < R; rv++) {
            const routeV = this.routes[this.orderRoutes[rv]];
            if (routeU.nbCustomers > 0 && routeV.nbCustomers > 0 && routeU.cour < routeV.cour &&
              (this.loopID === 0 || Math.max(routeU.whenLastModified, routeV.whenLastModified) > lastTest) &&
              CircleSector.overlap(routeU.sector, routeV.sector)) {
              this.rU = routeU; this.rV = routeV;
              this.swapStar();
            }
          }
        }
      }
    }
    this.export(indiv);
  }

  private setU(): void {
    const U = this.U, dem = this.p.data.demand, srv = this.p.data.service;
    this.rU = U.route; this.X = U.next;
    this.xNext = this.X.next.cour; this.uPrev = U.prev.cour; this.u = U.cour; this.x = this.X.cour;
    this.loadU = dem[this.u]; this.servU = srv[this.u]; this.loadX = dem[this.x]; this.servX = srv[this.x];
  }

  private setV(): void {
    const V = this.V, dem = this.p.data.demand, srv = this.p.data.service;
    this.rV = V.route; this.Y = V.next;
    this.yNext = this.Y.next.cour; this.vPrev = V.prev.cour; this.v = V.cour; this.y = this.Y.cour;
    this.loadV = dem[this.v]; this.servV = srv[this.v]; this.loadY = dem[this.y]; this.servY = srv[this.y];
    this.intra = this.rU === this.rV;
  }

  private applied(...routes: Route[]): true {
    this.nbMoves++;
    this.searchCompleted = false;
    for (const r of new Set(routes)) this.update(r);
    return true;
  }

  /** Relocate U after V. */
  private move1(): boolean {
    const { u, x, v, y, uPrev, rU, rV } = this;
    let cU = this.d(uPrev, x) - this.d(uPrev, u) - this.d(u, x);
    let cV = this.d(v, u) + this.d(u, y) - this.d(v, y);
    if (!this.intra) {
      if (cU + cV >= rU.penalty + rV.penalty) return false;
      cU += this.pD(rU.duration + cU - this.servU) + this.pL(rU.load - this.loadU) - rU.penalty;
      cV += this.pD(rV.duration + cV + this.servU) + this.pL(rV.load + this.loadU) - rV.penalty;
    }
    if (cU + cV > -EPS) return false;
    if (this.U === this.Y) return false;
    insertNode(this.U, this.V);
    return this.applied(rU, rV);
  }

  /** Relocate (U, X) after V. */
  private move2(): boolean {
    const { u, x, v, y, uPrev, xNext, rU, rV } = this;
    let cU = this.d(uPrev, xNext) - this.d(uPrev, u) - this.d(x, xNext);
    let cV = this.d(v, u) + this.d(x, y) - this.d(v, y);
    if (!this.intra) {
      if (cU + cV >= rU.penalty + rV.penalty) return false;
      cU += this.pD(rU.duration + cU - this.d(u, x) - this.servU - this.servX) + this.pL(rU.load - this.loadU - this.loadX) - rU.penalty;
      cV += this.pD(rV.duration + cV + this.d(u, x) + this.servU + this.servX) + this.pL(rV.load + this.loadU + this.loadX) - rV.penalty;
    }
    if (cU + cV > -EPS) return false;
    if (this.U === this.Y || this.V === this.X || this.X.isDepot) return false;
    insertNode(this.U, this.V);
    insertNode(this.X, this.U);
    return this.applied(rU, rV);
  }

  /** Relocate (U, X) after V as (X, U). */
  private move3(): boolean {
    const { u, x, v, y, uPrev, xNext, rU, rV } = this;
    let cU = this.d(uPrev, xNext) - this.d(uPrev, u) - this.d(u, x) - this.d(x, xNext);
    let cV = this.d(v, x) + this.d(x, u) + this.d(u, y) - this.d(v, y);
    if (!this.intra) {
      if (cU + cV >= rU.penalty + rV.penalty) return false;
      cU += this.pD(rU.duration + cU - this.servU - this.servX) + this.pL(rU.load - this.loadU - this.loadX) - rU.penalty;
      cV += this.pD(rV.duration + cV + this.servU + this.servX) + this.pL(rV.load + this.loadU + this.loadX) - rV.penalty;
    }
    if (cU + cV > -EPS) return false;
    if (this.U === this.Y || this.X === this.V || this.X.isDepot) return false;
    insertNode(this.X, this.V);
    insertNode(this.U, this.X);
    return this.applied(rU, rV);
  }

  /** Swap U and V. */
  private move4(): boolean {
    const { u, x, v, y, uPrev, vPrev, rU, rV } = this;
    let cU = this.d(uPrev, v) + this.d(v, x) - this.d(uPrev, u) - this.d(u, x);
    let cV = this.d(vPrev, u) + this.d(u, y) - this.d(vPrev, v) - this.d(v, y);
    if (!this.intra) {
      if (cU + cV >= rU.penalty + rV.penalty) return false;
      cU += this.pD(rU.duration + cU + this.servV - this.servU) + this.pL(rU.load + this.loadV - this.loadU) - rU.penalty;
      cV += this.pD(rV.duration + cV - this.servV + this.servU) + this.pL(rV.load + this.loadU - this.loadV) - rV.penalty;
    }
    if (cU + cV > -EPS) return false;
    if (this.U === this.V.prev || this.U === this.Y) return false;
    swapNode(this.U, this.V);
    return this.applied(rU, rV);
  }

  /** Swap (U, X) with V. */
  private move5(): boolean {
    const { u, x, v, y, uPrev, xNext, vPrev, rU, rV } = this;
    let cU = this.d(uPrev, v) + this.d(v, xNext) - this.d(uPrev, u) - this.d(x, xNext);
    let cV = this.d(vPrev, u) + this.d(x, y) - this.d(vPrev, v) - this.d(v, y);
    if (!this.intra) {
      if (cU + cV >= rU.penalty + rV.penalty) return false;
      cU += this.pD(rU.duration + cU - this.d(u, x) + this.servV - this.servU - this.servX) + this.pL(rU.load + this.loadV - this.loadU - this.loadX) - rU.penalty;
      cV += this.pD(rV.duration + cV + this.d(u, x) - this.servV + this.servU + this.servX) + this.pL(rV.load + this.loadU + this.loadX - this.loadV) - rV.penalty;
    }
    if (cU + cV > -EPS) return false;
    if (this.U === this.V.prev || this.X === this.V.prev || this.U === this.Y || this.X.isDepot) return false;
    swapNode(this.U, this.V);
    insertNode(this.X, this.U);
    return this.applied(rU, rV);
  }

  /** Swap (U, X) with (V, Y). */
  private move6(): boolean {
    const { u, x, v, y, uPrev, xNext, vPrev, yNext, rU, rV } = this;
    let cU = this.d(uPrev, v) + this.d(y, xNext) - this.d(uPrev, u) - this.d(x, xNext);
    let cV = this.d(vPrev, u) + this.d(x, yNext) - this.d(vPrev, v) - this.d(y, yNext);
    if (!this.intra) {
      if (cU + cV >= rU.penalty + rV.penalty) return false;
      cU += this.pD(rU.duration + cU - this.d(u, x) + this.d(v, y) + this.servV + this.servY - this.servU - this.servX)
        + this.pL(rU.load + this.loadV + this.loadY - this.loadU - this.loadX) - rU.penalty;
      cV += this.pD(rV.duration + cV + this.d(u, x) - this.d(v, y) - this.servV - this.servY + this.servU + this.servX)
        + this.pL(rV.load + this.loadU + this.loadX - this.loadV - this.loadY) - rV.penalty;
    }
    if (cU + cV > -EPS) return false;
    if (this.X.isDepot || this.Y.isDepot || this.Y === this.U.prev || this.U === this.Y || this.X === this.V || this.V === this.X.next) return false;
    swapNode(this.U, this.V);
    swapNode(this.X, this.Y);
    return this.applied(rU, rV);
  }

  /** 2-opt within a route: reverse X..V. */
  private move7(): boolean {
    const { U, V, X, Y } = this;
    if (U.position > V.position) return false;
    const c = this.d(this.u, this.v) + this.d(this.x, this.y) - this.d(this.u, this.x) - this.d(this.v, this.y)
      + V.cumulatedReversalDistance - X.cumulatedReversalDistance;
    if (c > -EPS) return false;
    if (U.next === V) return false;
    let node = X.next;
    X.prev = node;
    X.next = Y;
    while (node !== V) { const t = node.next; node.next = node.prev; node.prev = t; node = t; }
    V.next = V.prev;
    V.prev = U;
    U.next = V;
    Y.prev = X;
    return this.applied(this.rU);
  }

  /** 2-opt* with reversal: U→V then V's prefix reversed; U's suffix reversed then X→Y. */
  private move8(): boolean {
    const { U, V, X, rU, rV, u, v, x, y } = this;
    let c = this.d(u, v) + this.d(x, y) - this.d(u, x) - this.d(v, y)
      + V.cumulatedReversalDistance + rU.reversalDistance - X.cumulatedReversalDistance - rU.penalty - rV.penalty;
    if (c >= 0) return false;
    c += this.pD(U.cumulatedTime + V.cumulatedTime + V.cumulatedReversalDistance + this.d(u, v))
      + this.pD(rU.duration - U.cumulatedTime - this.d(u, x) + rU.reversalDistance - X.cumulatedReversalDistance
        + rV.duration - V.cumulatedTime - this.d(v, y) + this.d(x, y))
      + this.pL(U.cumulatedLoad + V.cumulatedLoad) + this.pL(rU.load + rV.load - U.cumulatedLoad - V.cumulatedLoad);
    if (c > -EPS) return false;
    const prefixU = segment(rU.depot.next, U), suffixU = segment(X, rU.depotEnd.prev);
    const prefixV = segment(rV.depot.next, V), suffixV = segment(this.Y, rV.depotEnd.prev);
    relink(rU, prefixU.concat(prefixV.reverse()));
    relink(rV, suffixU.reverse().concat(suffixV));
    return this.applied(rU, rV);
  }

  /** 2-opt* without reversal: exchange the tails after U and after V. */
  private move9(): boolean {
    const { U, V, X, rU, rV, u, v, x, y } = this;
    let c = this.d(u, y) + this.d(v, x) - this.d(u, x) - this.d(v, y) - rU.penalty - rV.penalty;
    if (c >= 0) return false;
    c += this.pD(U.cumulatedTime + rV.duration - V.cumulatedTime - this.d(v, y) + this.d(u, y))
      + this.pD(rU.duration - U.cumulatedTime - this.d(u, x) + V.cumulatedTime + this.d(v, x))
      + this.pL(U.cumulatedLoad + rV.load - V.cumulatedLoad) + this.pL(V.cumulatedLoad + rU.load - U.cumulatedLoad);
    if (c > -EPS) return false;
    const prefixU = segment(rU.depot.next, U), suffixU = segment(X, rU.depotEnd.prev);
    const prefixV = segment(rV.depot.next, V), suffixV = segment(this.Y, rV.depotEnd.prev);
    relink(rU, prefixU.concat(suffixV));
    relink(rV, prefixV.concat(suffixU));
    return this.applied(rU, rV);
  }

  private swapStar(): boolean {
    const { rU, rV } = this;
    const dem = this.p.data.demand, srv = this.p.data.service;
    this.preprocessInsertions(rU, rV);
    this.preprocessInsertions(rV, rU);
    let best = { cost: 1e30, U: null as Node | null, V: null as Node | null, posU: null as Node | null, posV: null as Node | null };
    const pos = { node: null as Node | null };
    for (let U = rU.depot.next; !U.isDepot; U = U.next) {
      for (let V = rV.depot.next; !V.isDepot; V = V.next) {
        const dPenU = this.pL(rU.load + dem[V.cour] - dem[U.cour]) - rU.penalty;
        const dPenV = this.pL(rV.load + dem[U.cour] - dem[V.cour]) - rV.penalty;
        if (dPenU + U.deltaRemoval + dPenV + V.deltaRemoval <= 0) {
          const extraV = this.cheapestInsertSimultRemoval(U, V, pos);
          const posU = pos.node;
          const extraU = this.cheapestInsertSimultRemoval(V, U, pos);
          const posV = pos.node;
          const cost = dPenU + U.deltaRemoval + extraU + dPenV + V.deltaRemoval + extraV
            + this.pD(rU.duration + U.deltaRemoval + extraU + srv[V.cour] - srv[U.cour])
            + this.pD(rV.duration + V.deltaRemoval + extraV - srv[V.cour] + srv[U.cour]);
          if (cost < best.cost) best = { cost, U, V, posU, posV };
        }
      }
    }
    // Relocations found for free by the preprocessing (a different granularity than the RI moves).
    for (const [from, to, isU] of [[rU, rV, true], [rV, rU, false]] as const) {
      for (let W = from.depot.next; !W.isDepot; W = W.next) {
        const ins = this.bestInsert[to.cour][W.cour];
        const dFrom = this.d(W.prev.cour, W.next.cour) - this.d(W.prev.cour, W.cour) - this.d(W.cour, W.next.cour);
        const dTo = ins.cost[0];
        const cost = dFrom + dTo + this.pL(from.load - dem[W.cour]) - from.penalty + this.pL(to.load + dem[W.cour]) - to.penalty
          + this.pD(from.duration + dFrom - srv[W.cour]) + this.pD(to.duration + dTo + srv[W.cour]);
        if (cost < best.cost) best = isU ? { cost, U: W, V: null, posU: ins.loc[0], posV: null } : { cost, U: null, V: W, posU: null, posV: ins.loc[0] };
      }
    }
    if (best.cost > -EPS) return false;
    if (best.posU) insertNode(best.U!, best.posU);
    if (best.posV) insertNode(best.V!, best.posV);
    return this.applied(rU, rV);
  }

  /** Cheapest place for U in V's route once V has left it (among the 3 best and V's own place). */
  private cheapestInsertSimultRemoval(U: Node, V: Node, out: { node: Node | null }): number {
    const b = this.bestInsert[V.route.cour][U.cour];
    let place = b.loc[0]!, cost = b.cost[0];
    let found = place !== V && place.next !== V;
    if (!found && b.loc[1]) {
      place = b.loc[1]; cost = b.cost[1];
      found = place !== V && place.next !== V;
      if (!found && b.loc[2]) { place = b.loc[2]; cost = b.cost[2]; found = true; }
    }
    const delta = this.d(V.prev.cour, U.cour) + this.d(U.cour, V.next.cour) - this.d(V.prev.cour, V.next.cour);
    if (!found || delta < cost) { place = V.prev; cost = delta; }
    out.node = place;
    return cost;
  }

  private preprocessInsertions(R1: Route, R2: Route): void {
    const dist = this.dist, N = this.N, seq = this.seqCour, nodes = this.seqNodes, edge = this.seqEdge;
    // R2 as flat arrays (gathered on first need): one pass down its links instead of one per customer of R1.
    let k = -1;
    for (let U = R1.depot.next; !U.isDepot; U = U.next) {
      const u = U.cour;
      U.deltaRemoval = this.d(U.prev.cour, U.next.cour) - this.d(U.prev.cour, u) - this.d(u, U.next.cour);
      const opt = this.bestInsert[R2.cour][u];
      if (R2.whenLastModified <= opt.whenLastCalculated) continue;
      if (k < 0) {
        k = 0;
        for (let V = R2.depot; ; V = V.next) {
          seq[k] = V.cour; nodes[k] = V; k++;
          if (V !== R2.depot && V.isDepot) break;
        }
        for (let i = 0; i + 1 < k; i++) edge[i] = dist[seq[i] * N + seq[i + 1]];
      }
      opt.reset();
      opt.whenLastCalculated = this.nbMoves;
      opt.cost[0] = dist[u] + dist[u * N + seq[1]] - edge[0];
      opt.loc[0] = R2.depot;
      const cost = opt.cost;
      for (let i = 1; i + 1 < k; i++) {
        const c = dist[seq[i] * N + u] + dist[u * N + seq[i + 1]] - edge[i];
        if (c < cost[2]) opt.add(c, nodes[i]);
      }
    }
  }

  private update(route: Route): void {
    const p = this.p, dem = p.data.demand, srv = p.data.service, polar = p.polar;
    const xs = p.data.x, ys = p.data.y;
    let place = 0, load = 0, time = 0, rev = 0, cx = 0, cy = 0;
    let node = route.depot;
    node.position = 0; node.cumulatedLoad = 0; node.cumulatedTime = 0; node.cumulatedReversalDistance = 0;
    let first = true;
    while (!node.isDepot || first) {
      const prev = node;
      node = node.next;
      place++;
      node.position = place;
      load += dem[node.cour];
      time += this.d(prev.cour, node.cour) + srv[node.cour];
      rev += this.d(node.cour, prev.cour) - this.d(prev.cour, node.cour);
      node.cumulatedLoad = load; node.cumulatedTime = time; node.cumulatedReversalDistance = rev;
      if (!node.isDepot) {
        if (xs && ys) { cx += xs[node.cour]; cy += ys[node.cour]; }
        if (first) route.sector.initialize(polar[node.cour]); else route.sector.extend(polar[node.cour]);
      }
      first = false;
    }
    route.duration = time; route.load = load; route.reversalDistance = rev;
    route.penalty = this.pD(time) + this.pL(load);
    route.nbCustomers = place - 1;
    route.whenLastModified = this.nbMoves;
    if (route.nbCustomers === 0) { route.polarAngleBarycenter = 1e30; this.emptyRoutes.add(route.cour); }
    else {
      route.polarAngleBarycenter = xs && ys ? Math.atan2(cy / route.nbCustomers - ys[0], cx / route.nbCustomers - xs[0]) : route.cour;
      this.emptyRoutes.delete(route.cour);
    }
  }

  private load(indiv: Individual): void {
    this.emptyRoutes.clear();
    this.nbMoves = 0;
    for (let r = 0; r < this.routes.length; r++) {
      const route = this.routes[r];
      const seq = indiv.chromR[r].map((c) => this.clients[c]);
      route.depot.prev = route.depotEnd;
      route.depotEnd.next = route.depot;
      relink(route, seq);
      this.update(route);
      route.whenLastTestedSWAPStar = -1;
      for (let i = 1; i <= this.p.n; i++) this.bestInsert[r][i].whenLastCalculated = -1;
    }
    for (let i = 1; i <= this.p.n; i++) this.clients[i].whenLastTestedRI = -1;
  }

  private export(indiv: Individual): void {
    const order = this.routes.map((r) => r).sort((a, b) => a.polarAngleBarycenter - b.polarAngleBarycenter || a.cour - b.cour);
    let pos = 0;
    order.forEach((route, r) => {
      const out = indiv.chromR[r];
      out.length = 0;
      for (let node = route.depot.next; !node.isDepot; node = node.next) { indiv.chromT[pos++] = node.cour; out.push(node.cour); }
    });
    indiv.evaluate(this.p);
  }
}

function insertNode(U: Node, V: Node): void {
  U.prev.next = U.next;
  U.next.prev = U.prev;
  V.next.prev = U;
  U.prev = V;
  U.next = V.next;
  V.next = U;
  U.route = V.route;
}

function swapNode(U: Node, V: Node): void {
  const vPred = V.prev, vSuiv = V.next, uPred = U.prev, uSuiv = U.next, rU = U.route, rV = V.route;
  uPred.next = V; uSuiv.prev = V; vPred.next = U; vSuiv.prev = U;
  U.prev = vPred; U.next = vSuiv; V.prev = uPred; V.next = uSuiv;
  U.route = rV; V.route = rU;
}

/** Customers from `from` to `to` inclusive along next pointers; empty when `from` is past the end. */
function segment(from: Node, to: Node): Node[] {
  const out: Node[] = [];
  if (from.isDepot || to.isDepot) return out;
  for (let n = from; ; n = n.next) { out.push(n); if (n === to) break; }
  return out;
}

function relink(route: Route, seq: Node[]): void {
  let prev = route.depot;
  for (const node of seq) { prev.next = node; node.prev = prev; node.route = route; prev = node; }
  prev.next = route.depotEnd;
  route.depotEnd.prev = prev;
}

function shuffleInPlace(a: number[] | Int32Array, r: Random): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = randInt(r, i + 1);
    const t = a[i]; a[i] = a[j]; a[j] = t;
  }
}

export { makeRandom };
