"""The Method of Equal Shares with cost utilities, decided exactly (pure; numpy for bookkeeping).

Definition. Every voter starts with the same budget b (a rational). In each round, a
project c is *affordable* when its supporters together hold at least cost(c); its
payment q(c) is the smallest amount such that, if every supporter pays min(budget, q),
the payments add up to cost(c). With cost utilities the rule funds the affordable
project with the least rho(c) = q(c) / cost(c) (that is, the most "effective votes"
cost/q), its supporters pay min(budget, q), and the round repeats until nothing is
affordable. Equal rho: lower cost first, then more supporters, then project id order
(`election.id_order`); every such tie is recorded.

How it is fast and still exact.
- Identical ballots are merged (a weight per distinct ballot); each distinct ballot has a
  float budget and a flag "spent out" (it once paid all it had; its budget is then 0).
- Exact money is an integer count of 1/`unit` (unit = the least common denominator of
  the starting budget and the payments so far). A ballot that never spent out holds the
  starting budget less the payments q_t of the funded projects it supports, so its
  exact budget is a short sum, and the exact money of many ballots is one weighted
  count per funded project (a product with the ballot/project incidence matrix).
- Rounds are decided on floats carrying a proven error bound (each float budget is
  within `delta` of its exact value: at most `depth` payments, each rounded once).
  A decision outside the bound is the exact decision; every decision inside it (which
  project has the least rho, whether a project is affordable, whether a voter can pay)
  is settled in exact integers.
- Budgets only shrink, so a project's rho only rises: a rho computed in an earlier
  round is a lower bound, and a heap of such bounds (a lazy heap) means most projects
  need no new computation in a round.
- A run may also prove how far the per-voter budget can rise with every decision the
  same (`Reach`), so add1 need not run the budgets in between.
"""

from __future__ import annotations

import heapq
import math
from fractions import Fraction
from math import gcd

import numpy as np

from deliberate.ballots.election import Election, id_order
from deliberate.ballots.outcome import Tie

EPS = 2.0 ** -52
UNAFFORDABLE = None


class EqualShares:
    """An election prepared once for MES; `run(per_voter)` may be called many times."""

    def __init__(self, election: Election):
        self.ids = sorted((p.id for p in election.projects), key=id_order)
        index = {pid: k for k, pid in enumerate(self.ids)}
        cost = election.costs()
        self.cost = [cost[pid] for pid in self.ids]
        profile = election.profile()
        self.voters = sum(w for _, w in profile)
        self.n_ballots = len(profile)
        self.ballot = [sorted(index[pid] for pid in supported) for supported, _ in profile]
        self.depth = max((len(b) for b in self.ballot), default=0)
        weights = np.array([w for _, w in profile], dtype=np.int64)
        members: list[list[int]] = [[] for _ in self.ids]
        for u, projects in enumerate(self.ballot):
            for j in projects:
                members[j].append(u)
        self.sup = [np.array(m, dtype=np.intp) for m in members]
        self.supw = [weights[a].astype(np.float64) for a in self.sup]
        self.approvals = [int(weights[a].sum()) for a in self.sup]
        # weighted counts are whole numbers below 2**24, so float32 sums of them are exact
        kind = np.float32 if self.voters < 2 ** 24 else np.float64
        self.weight = weights.astype(kind)
        # row j: the supporters of project j, as 0/1 over the distinct ballots
        self.supporters_of = np.zeros((max(1, len(self.ids)), max(1, self.n_ballots)), dtype=kind)
        for j, a in enumerate(self.sup):
            self.supporters_of[j, a] = 1
        # overlap[i][j]: projects i and j share a supporter (funding i can change j's rho)
        self.overlap = ((self.supporters_of @ self.supporters_of.T) > 0).tolist()
        # row t: the supporters of the project funded in round t (filled by each run)
        self.rounds = np.empty_like(self.supporters_of)

    # -- one run -------------------------------------------------------------------
    def run(self, per_voter: Fraction | int, certify: bool = False) -> tuple[list[str], list[Tie]]:
        """MES with `per_voter` for each voter: the funded ids in order and the ties broken.

        Exact money is kept as integers in units of 1/`unit`: `start` is the starting
        budget and `paid[t]` the payment q of round t. With `certify`, the run also sets
        `self.reach`: every per-voter budget in [per_voter, per_voter + reach) gives this
        same outcome and ties (see `Reach`); 0 when the run could not show a reach
        that passes the next whole budget.
        """
        per_voter = Fraction(per_voter)
        self._reach = Reach(len(self.ids)) if certify else None
        self.reach = 0.0
        # a reach that cannot pass the next whole budget skips nothing: stop certifying then
        useful = math.floor(per_voter) + 1 - per_voter
        self.unit = per_voter.denominator
        self.start = per_voter.numerator
        self.paid: list[int] = []
        self.round_of = [-1] * len(self.ids)  # the round that funded a project, or -1
        self.budget = np.full(self.n_ballots, float(per_voter))  # each distinct ballot's float budget
        self.out = np.zeros(self.n_ballots, dtype=bool)  # spent out: exact budget 0
        # every float budget is within `delta` of its exact value: the start less at most
        # `depth` payments, each rounded once and subtracted once
        self.delta = (2 * self.depth + 4) * EPS * float(per_voter)
        # rho >= 1/W (a project's supporters cannot each pay less than cost/W), and stays so
        heap = [(0.0 if self.cost[j] == 0 else (1 - 4 * EPS) / self.approvals[j], j)
                for j in range(len(self.ids)) if self.approvals[j] > 0]
        heapq.heapify(heap)
        if self._reach is not None:
            for key, j in heap:
                self._reach.bound(j, key, 0.0)
        # a cached estimate stays exact until a project sharing a supporter is funded
        cached: dict[int, tuple[float, float]] = {}
        self.roots: dict[int, tuple] = {}  # the float roots behind those estimates, same lifetime
        self.q_low = [0.0] * len(self.ids)  # a lower bound of each project's payment (it only rises)
        funded: list[str] = []
        ties: list[Tie] = []
        while heap:
            fresh: dict[int, tuple[float, float]] = {}
            bound = float("inf")
            while heap and heap[0][0] <= bound:
                _, j = heapq.heappop(heap)
                estimate = cached.pop(j, None) or self._rho_float(j)
                if estimate is UNAFFORDABLE:
                    continue  # budgets only shrink: never affordable again
                fresh[j] = estimate
                bound = min(bound, estimate[0] + estimate[1])
            if not fresh:
                break
            close = [j for j, (key, err) in fresh.items() if key - err <= bound]
            if len(close) == 1:
                chosen = close[0]
                q = self._payment_exact(chosen)
            else:
                exact = {j: self._payment_exact(j) for j in close}
                rho = {j: exact[j] / self.cost[j] if self.cost[j] else Fraction(0) for j in close}
                low = min(rho.values())
                tied = sorted(j for j in close if rho[j] == low)  # index order is id order
                chosen, by = self._break_tie(tied)
                if len(tied) > 1:
                    ties.append(Tie("equalshares", len(funded) + 1,
                                    tuple(self.ids[j] for j in tied), (self.ids[chosen],), by))
                q = exact[chosen]
                if self._reach is not None:
                    for j in close:
                        if rho[j] > low:
                            self._reach.low[j] = float(rho[j]) * (1 - 4 * EPS)
                    self._reach.tied(tied)
            if self._reach is not None:
                self._reach.chosen(chosen, float(q / self.cost[chosen]) if self.cost[chosen] else 0.0,
                                  self.cost[chosen])
            if self._reach is not None and self._reach.value <= useful:
                self._reach = None
            self._pay(chosen, q)
            funded.append(self.ids[chosen])
            touched = self.overlap[chosen]
            for j, (key, err) in fresh.items():
                if j != chosen:
                    heapq.heappush(heap, (key - err, j))
                    if not touched[j]:
                        cached[j] = (key, err)
            for j in [j for j in cached if touched[j]]:
                del cached[j]
            for j in [j for j in self.roots if touched[j]]:
                del self.roots[j]
        if self._reach is not None:
            self.reach = self._reach.value
        return funded, ties

    def _break_tie(self, tied: list[int]) -> tuple[int, tuple[str, ...]]:
        by: list[str] = []
        left = tied
        for name, key in (("cost", lambda j: self.cost[j]),
                          ("votes", lambda j: -self.approvals[j]),
                          ("id", lambda j: id_order(self.ids[j]))):
            if len(left) == 1:
                break
            best = min(key(j) for j in left)
            by.append(name)
            left = [j for j in left if key(j) == best]
        return left[0], tuple(by)

    # -- exact money -----------------------------------------------------------------
    def _exact(self, u: int) -> int:
        """The exact budget of distinct ballot u, in units."""
        if self.out[u]:
            return 0
        paid, round_of = self.paid, self.round_of
        return self.start - sum(paid[round_of[j]] for j in self.ballot[u] if round_of[j] >= 0)

    def _exact_sum(self, ballots: np.ndarray) -> int:
        """The exact money of `ballots` (distinct ballots, each counted with its weight), in units."""
        ballots = ballots[~self.out[ballots]]
        if not len(ballots):
            return 0
        weights = self.weight[ballots]
        money = int(weights.sum()) * self.start
        if self.paid:
            counts = (self.rounds[:len(self.paid), ballots] @ weights).tolist()
            money -= sum(int(k) * p for k, p in zip(counts, self.paid) if k)
        return money

    # -- rho: float, then exact ------------------------------------------------------
    def _rho_float(self, j: int):
        """(rho, error bound) of j on floats, or UNAFFORDABLE (settled exactly when close).

        The payment q solves sum(w * min(v, q)) = cost. Starting from cost/W (a lower
        bound), q' = (cost - money of those below q) / (voters at or above q) rises to the
        root and reaches it once the set below q stops growing: no sorting needed.
        """
        cost = self.cost[j]
        if cost == 0:
            if self._reach is not None:
                self._reach.bound(j, 0.0, 0.0)
            return (0.0, 0.0)
        found = self._root_float(j)
        if found is UNAFFORDABLE:
            if self._reach is not None:
                self._reach.unaffordable(j, self.gap, self.approvals[j])
            return UNAFFORDABLE
        self.roots[j] = found
        values, q, q_err = found
        rho, err = q / cost, q_err / cost + 4 * EPS * q / cost
        if self._reach is not None:
            # supporters surely holding at least the exact q: the slope of the bound in `Reach`
            sure = float(self.supw[j].dot(values >= q + q_err + self.delta))
            total = self.approvals[j]
            slope = (total - sure) / (sure * cost) * (1 + 8 * EPS) if sure > 0 else float("inf")
            self._reach.bound(j, rho - err, slope)
        return rho, err

    def _root_float(self, j: int):
        """(values, q, q_err): the float payment q of j with its error bound, or UNAFFORDABLE.

        `values` are the float budgets of j's supporters (kept: the exact payment reads
        them while the state is unchanged). Affordability is settled exactly when the
        floats cannot tell; `self.gap` then bounds how much money is missing.
        """
        cost = self.cost[j]
        weights = self.supw[j]
        values = self.budget[self.sup[j]]
        paid = values * weights
        money = float(paid.sum())
        total = self.approvals[j]
        rounding = (len(values) + 4) * EPS * (money + cost)
        money_err = total * self.delta + rounding
        if money + money_err < cost:
            # cost less the money, at least (the sum money + money_err is rounded once more)
            self.gap = (cost - (money + money_err) - 4 * EPS * (money + money_err + cost)) * (1 - 4 * EPS)
            return UNAFFORDABLE
        if money - money_err < cost:
            exact = self._exact_sum(self.sup[j])
            if exact < cost * self.unit:
                self.gap = float(Fraction(cost * self.unit - exact, self.unit)) * (1 - 4 * EPS)
                return UNAFFORDABLE
        # q' = (cost - money of those below q) / (weight of the others) rises from any lower
        # bound of the root to the root, and reaches it when the set below stops growing.
        # Budgets only shrink, so the root found earlier in the run (less its error) is a
        # lower bound now, and few steps remain.
        q = max(cost / total, self.q_low[j])
        below = values < q
        weight = float(weights.dot(below))
        while True:
            if weight >= total:  # only when money is within rounding of cost
                q = float(values.max())
                break
            q = (cost - float(paid.dot(below))) / (total - weight)
            below = values < q
            grown = float(weights.dot(below))
            if grown == weight:
                break
            weight = grown
        q_err = total * self.delta + self.delta + 2 * rounding + 4 * EPS * q
        self.q_low[j] = q - q_err
        return values, q, q_err

    def _payment_exact(self, j: int) -> Fraction | None:
        """The exact payment q of project j now, or None when its supporters cannot pay."""
        cost = self.cost[j]
        if cost == 0:
            return Fraction(0)
        found = self.roots.pop(j, None) or self._root_float(j)
        if found is UNAFFORDABLE:
            return None
        values, q, q_err = found
        margin = q_err + self.delta
        members = self.sup[j]
        full = values < q - margin  # surely pay all they have
        payers = values > q + margin  # surely pay q
        if payers.any():
            found = self._payment_fast(j, members, full, payers)
            if found is not None:
                return found
        return self._payment_scan(j, members.tolist(), 0, self.approvals[j])

    def _payment_fast(self, j, members, full, payers):
        """The exact q when the floats say who surely pays in full and who surely pays q.

        The margin covers the error of q and of every budget, so a sure full payer holds
        less than the exact q and a sure payer more: only the unsure need ordering. They
        pay in full, poorest first, until the rest (the sure payers among them) can share
        the cost; if all of them pay in full, the sure payers share it.
        """
        money = self._exact_sum(members[full])
        rest = self.approvals[j] - int(self.supw[j] @ full)
        unsure = ~full & ~payers
        if unsure.any():
            found = self._payment_scan(j, members[unsure].tolist(), money, rest, rest_pays=True)
            if found is not None:
                return found
            return None
        return Fraction(self.cost[j] * self.unit - money, rest * self.unit)

    def _payment_scan(self, j, ballots, full, rest, rest_pays=False):
        """The exact scan: ballots pay in full, poorest first, until the rest can share the cost.

        `rest_pays`: voters not among `ballots` are left (all holding more than q): once
        every one of `ballots` pays in full, those share what is still needed.
        """
        need = self.cost[j] * self.unit
        weights = self.weight
        for budget, u in sorted((self._exact(u), u) for u in ballots):
            if need - full <= budget * rest:
                return Fraction(need - full, rest * self.unit)
            full += budget * int(weights[u])
            rest -= int(weights[u])
        if rest_pays and rest > 0:
            return Fraction(need - full, rest * self.unit)
        return None

    def _pay(self, j: int, q: Fraction) -> None:
        """Supporters of j pay min(budget, q): those who cannot pay more than q spend out."""
        members = self.sup[j]
        t = len(self.paid)
        unit = self.unit * q.denominator // gcd(self.unit, q.denominator)
        if unit != self.unit:
            scale = unit // self.unit
            self.paid = [p * scale for p in self.paid]
            self.start *= scale
            self.unit = unit
        q_units = q.numerator * (unit // q.denominator)
        values = self.budget[members]
        qf = float(q)
        margin = 2 * self.delta + 4 * EPS * qf
        stays = values > qf + margin
        for i in np.flatnonzero(~stays & (values >= qf - margin)).tolist():
            stays[i] = self._exact(int(members[i])) > q_units
        self.paid.append(q_units)
        self.round_of[j] = t
        self.rounds[t] = self.supporters_of[j]
        if q_units == 0:
            return
        self.budget[members[stays]] -= qf
        out = members[~stays]
        self.budget[out] = 0.0
        self.out[out] = True


class Reach:
    """How far above a run's per-voter budget b every decision of the run stays the same.

    Let b'' = b + d, d >= 0, and suppose rounds 1..t-1 at b'' fund the same projects as
    at b. Then every budget at b'' is at least its budget at b (more money, payments no
    larger) and at most that plus D_t = d * grow_t, where grow_1 = 1 and
    grow_{t+1} = grow_t * (1 + k_t), k_t = (supporters of the round's project who pay all
    they hold) / (those who pay q) at b. Proof: with f(x) = sum w*min(B, x), concave and
    f(q) = cost, and budgets B'' <= B + D, f''(x) <= f(x - D) + W*D; f lies under its
    tangent at q of slope W_q (weight of budgets >= q), so q'' >= q - D*(W - W_q)/W_q;
    a payer's new budget max(0, B'' - q'') is then at most D*(1 + k) above the old one.

    The same inequality bounds every rival: a project j evaluated at round s with rho >= L
    and slope K = (W - W_q)/(W_q * cost) has rho'' >= L - D_s * K at every later round
    (budgets only shrink). So round t decides the same at b'' when the chosen project's
    rho at b (its rho at b'' is no larger: more money) is below every rival's bound, and
    a project found unaffordable with money <= cost - gap stays so while W*D_s < gap.
    A tie is kept only when every tied project has K = 0 (all its supporters pay q at b,
    hence at b'': its rho is the same exact number). `value` is the least d at which one
    of these certificates could fail; floats are rounded toward a smaller `value`.
    """

    def __init__(self, n: int):
        self.value = float("inf")
        self.low = np.zeros(n)  # L_j: a lower bound of rho_j at b, from round `scale` on
        self.slope = np.zeros(n)  # K_j
        self.scale = np.ones(n)  # grow_s at j's evaluation
        self.alive = np.zeros(n, dtype=bool)  # unfunded and not found unaffordable
        self.grow = 1.0
        self.tie: list[int] = []

    def bound(self, j: int, low: float, slope: float) -> None:
        self.low[j], self.slope[j], self.scale[j], self.alive[j] = low, slope, self.grow, True

    def unaffordable(self, j: int, gap: float, weight: int) -> None:
        self.alive[j] = False
        self.value = min(self.value, gap / (weight * self.grow) * (1 - 4 * EPS) if gap > 0 else 0.0)

    def tied(self, tied: list[int]) -> None:
        if len(tied) > 1:
            self.tie = tied
            if any(self.slope[j] != 0 for j in tied):
                self.value = 0.0

    def chosen(self, j: int, rho: float, cost: int) -> None:
        rho = rho * (1 + 4 * EPS)
        self.alive[j] = False
        rivals = self.alive.copy()
        rivals[self.tie] = False
        self.tie = []
        low = self.low[rivals]
        if (low <= rho + 4 * EPS * abs(rho)).any():
            self.value = 0.0
        else:
            slope = self.slope[rivals] * self.scale[rivals]
            steep = slope > 0
            if steep.any():
                self.value = min(self.value, float(((low[steep] - rho) * (1 - 4 * EPS) / slope[steep]).min()))
        self.grow *= (1 + self.slope[j] * cost) * (1 + 4 * EPS)


def equal_shares(election: Election, per_voter: Fraction | None = None) -> tuple[list[str], list[Tie]]:
    """MES on `election`; each voter starts with budget/n unless `per_voter` is given."""
    engine = EqualShares(election)
    if engine.voters == 0:
        return [], []
    if per_voter is None:
        per_voter = Fraction(election.budget, engine.voters)
    return engine.run(per_voter)
