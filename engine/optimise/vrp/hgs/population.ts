/**
 * The population of the genetic search: feasible and infeasible
 * subpopulations sorted by penalised cost, survivor selection by biased
 * fitness (cost rank plus diversity rank, the distance being broken pairs)
 * that removes clones first, binary tournaments, and the adaptive penalties
 * steering the share of feasible offspring towards the target.
 */
import { Individual } from './individual.ts';
import { randInt, type Params, type Random } from './params.ts';

export class Population {
  feasible: Individual[] = [];
  infeasible: Individual[] = [];
  bestRestart: Individual | null = null;
  best: Individual | null = null;
  private loadFeasible: boolean[] = new Array(100).fill(true);
  private durationFeasible: boolean[] = new Array(100).fill(true);

  constructor(private readonly p: Params) {}

  /** Adds a copy; returns true when it improves the best feasible cost of this restart. */
  add(indiv: Individual, updateFeasibility: boolean): boolean {
    const p = this.p;
    if (updateFeasibility) {
      this.loadFeasible.push(indiv.capacityExcess < 1e-5); this.loadFeasible.shift();
      this.durationFeasible.push(indiv.durationExcess < 1e-5); this.durationFeasible.shift();
    }
    const sub = indiv.isFeasible ? this.feasible : this.infeasible;
    const me = indiv.clone(p);
    for (const other of sub) {
      const d = me.brokenPairsDistance(other, p.n);
      other.addProximity(d, me);
      me.addProximity(d, other);
    }
    let place = sub.length;
    while (place > 0 && sub[place - 1].penalizedCost > me.penalizedCost - 1e-5) place--;
    sub.splice(place, 0, me);
    if (sub.length > p.s.mu + p.s.lambda) while (sub.length > p.s.mu) this.removeWorst(sub);
    if (me.isFeasible && (!this.bestRestart || me.penalizedCost < this.bestRestart.penalizedCost - 1e-5)) {
      this.bestRestart = me.clone(p);
      if (!this.best || me.penalizedCost < this.best.penalizedCost - 1e-5) this.best = me.clone(p);
      return true;
    }
    return false;
  }

  private updateBiasedFitnesses(sub: Individual[]): void {
    const n = sub.length;
    if (n === 1) { sub[0].biasedFitness = 0; return; }
    const ranking = sub.map((ind, i) => ({ div: -ind.averageDistanceClosest(this.p.s.nbClose), i }));
    ranking.sort((a, b) => a.div - b.div || a.i - b.i);
    for (let k = 0; k < n; k++) {
      const divRank = k / (n - 1);
      const fitRank = ranking[k].i / (n - 1);
      sub[ranking[k].i].biasedFitness = n <= this.p.s.nbElite ? fitRank : fitRank + (1 - this.p.s.nbElite / n) * divRank;
    }
  }

  private removeWorst(sub: Individual[]): void {
    this.updateBiasedFitnesses(sub);
    let worst = -1, worstIsClone = false, worstFitness = -1;
    for (let i = 1; i < sub.length; i++) {
      const isClone = sub[i].averageDistanceClosest(1) < 1e-5;
      if ((isClone && !worstIsClone) || (isClone === worstIsClone && sub[i].biasedFitness > worstFitness)) {
        worst = i; worstIsClone = isClone; worstFitness = sub[i].biasedFitness;
      }
    }
    const [gone] = sub.splice(worst, 1);
    for (const other of sub) other.removeProximity(gone);
  }

  managePenalties(): void {
    const p = this.p, s = p.s;
    const frac = (l: boolean[]) => l.filter(Boolean).length / l.length;
    const fl = frac(this.loadFeasible);
    if (fl < s.targetFeasible - 0.05 && p.penaltyCapacity < 100_000) p.penaltyCapacity = Math.min(p.penaltyCapacity * s.penaltyIncrease, 100_000);
    else if (fl > s.targetFeasible + 0.05 && p.penaltyCapacity > 0.1) p.penaltyCapacity = Math.max(p.penaltyCapacity * s.penaltyDecrease, 0.1);
    const fd = frac(this.durationFeasible);
    if (fd < s.targetFeasible - 0.05 && p.penaltyDuration < 100_000) p.penaltyDuration = Math.min(p.penaltyDuration * s.penaltyIncrease, 100_000);
    else if (fd > s.targetFeasible + 0.05 && p.penaltyDuration > 0.1) p.penaltyDuration = Math.max(p.penaltyDuration * s.penaltyDecrease, 0.1);
    for (const ind of this.infeasible) ind.penalizedCost = ind.distance + p.penaltyCapacity * ind.capacityExcess + p.penaltyDuration * ind.durationExcess;
    // Stable re-sort (insertion order kept among ties), as HGS-CVRP's bubble sort.
    this.infeasible = this.infeasible.map((ind, i) => ({ ind, i })).sort((a, b) => a.ind.penalizedCost - b.ind.penalizedCost || a.i - b.i).map((e) => e.ind);
  }

  binaryTournament(r: Random): Individual {
    const total = this.feasible.length + this.infeasible.length;
    const pick = (k: number) => (k >= this.feasible.length ? this.infeasible[k - this.feasible.length] : this.feasible[k]);
    const a = pick(randInt(r, total)), b = pick(randInt(r, total));
    if (this.feasible.length) this.updateBiasedFitnesses(this.feasible);
    if (this.infeasible.length) this.updateBiasedFitnesses(this.infeasible);
    return a.biasedFitness < b.biasedFitness ? a : b;
  }

  clear(): void {
    this.feasible = [];
    this.infeasible = [];
    this.bestRestart = null;
  }
}
