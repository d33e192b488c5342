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
- Identical ballots are merged (a weight per distinct ballot).
- Voters are grouped by *level*: voters whose budgets are equal share one level, held as
  an exact Fraction and as its correctly rounded float. Only levels ever change; a
  funded project moves each of its supporters' levels to a new level (or to zero).
- Exact money is an integer count of 1/`unit` (unit = the least common denominator of
  the starting budget and the payments so far). A level is the starting budget less the
  payments of the rounds in its row of `history`, so exact sums over many levels are a
  handful of integer products, and no level needs an exact value unless asked.
- Rounds are decided on floats carrying a proven error bound (each level's float is
  within `delta` of its exact value: at most `depth` payments, each rounded once).
  A decision outside the bound is the exact decision; every decision inside it (which
  project has the least rho, whether a project is affordable, whether a voter can pay)
  is settled in exact integers.
- Budgets only shrink, so a project's rho only rises: a rho computed in an earlier
  round is a lower bound, and a heap of such bounds (a lazy heap) means most projects
  need no new computation in a round.
"""

from __future__ import annotations

import heapq
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
        members: list[list[int]] = [[] for _ in self.ids]
        for u, (supported, _) in enumerate(profile):
            for pid in supported:
                members[index[pid]].append(u)
        weights = np.array([w for _, w in profile], dtype=np.int64)
        self.n_ballots = len(profile)
        self.depth = max((len(s) for s, _ in profile), default=0)
        self.sup = [np.array(m, dtype=np.intp) for m in members]
        self.supw = [weights[a].astype(np.float64) for a in self.sup]
        self.approvals = [int(weights[a].sum()) for a in self.sup]
        incidence = np.zeros((len(self.ids), max(1, self.n_ballots)), dtype=np.float32)
        for j, a in enumerate(self.sup):
            incidence[j, a] = 1.0
        # overlap[i][j]: projects i and j share a supporter (funding i can change j's rho)
        self.overlap = ((incidence @ incidence.T) > 0).tolist()

    # -- one run -------------------------------------------------------------------
    def run(self, per_voter: Fraction | int) -> tuple[list[str], list[Tie]]:
        """MES with `per_voter` for each voter: the funded ids in order and the ties broken.

        Level 0 holds the starting budget, level 1 is the empty purse. Every other level
        is the starting budget less the payments q_t of the rounds t in its row of
        `history`; exact money is kept as integers in units of 1/`unit`.
        """
        per_voter = Fraction(per_voter)
        self.unit = per_voter.denominator
        self.start = per_voter.numerator  # the starting budget, in units
        self.paid: list[int] = []  # q_t of round t, in units
        self.level = np.zeros(self.n_ballots, dtype=np.intp)
        self.history = np.zeros((256, max(1, len(self.ids))), dtype=np.uint8)
        self.flt = np.zeros(256, dtype=np.float64)
        self.flt[0] = float(per_voter)
        self.pop = np.zeros(256, dtype=np.int64)  # distinct ballots per level
        self.pop[0] = self.n_ballots
        self.free: list[int] = []  # emptied level ids, for reuse
        self.nlev = 2
        self.budget = np.full(self.n_ballots, self.flt[0])  # each distinct ballot's float budget
        # every level's float is within `delta` of its exact value: each level is the start
        # less at most `depth` payments, each rounded once and subtracted once
        self.delta = (2 * self.depth + 4) * EPS * self.flt[0]
        # rho >= 1/W (a project's supporters cannot each pay less than cost/W), and stays so
        heap = [(0.0 if self.cost[j] == 0 else (1 - 4 * EPS) / self.approvals[j], j)
                for j in range(len(self.ids)) if self.approvals[j] > 0]
        heapq.heapify(heap)
        # a cached estimate stays exact until a project sharing a supporter is funded
        cached: dict[int, tuple[float, float]] = {}
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

    # -- levels --------------------------------------------------------------------
    def _exact(self, level: int) -> int:
        """The exact budget of a level, in units."""
        if level == 1:
            return 0
        return self.start - sum(self.paid[t] for t in np.flatnonzero(self.history[level]).tolist())

    def _supporters(self, j: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Levels holding supporters of j (ascending float budget), their weights, their floats."""
        counts = np.bincount(self.level[self.sup[j]], weights=self.supw[j], minlength=self.nlev)
        levels = np.flatnonzero(counts)
        values = self.flt[levels]
        order = np.argsort(values, kind="stable")
        levels = levels[order]
        return levels, counts[levels], values[order]

    def _root_float(self, j, weights, values):
        """Float money of j's supporters, its error bound, and the float payment q with its bound."""
        cost = self.cost[j]
        total = self.approvals[j]
        paid = values * weights
        money = float(paid.sum())
        rounding = (len(values) + 4) * EPS * (money + cost)
        money_err = total * self.delta + rounding
        full_before = np.cumsum(paid) - paid
        rest = total - (np.cumsum(weights) - weights)
        q = (cost - full_before) / rest
        fits = q <= values
        k = int(np.argmax(fits)) if fits.any() else len(values) - 1
        q_err = total * self.delta + self.delta + 2 * rounding + 4 * EPS * float(q[k])
        return money, money_err, float(q[k]), q_err

    # -- rho: float, then exact ------------------------------------------------------
    def _rho_float(self, j: int):
        """(rho, error bound) of j on floats, or UNAFFORDABLE (settled exactly when close).

        The payment q solves sum(w * min(v, q)) = cost. Starting from cost/W (a lower
        bound), q' = (cost - money of those below q) / (voters at or above q) rises to the
        root and reaches it once the set below q stops growing: no sorting needed.
        """
        cost = self.cost[j]
        if cost == 0:
            return (0.0, 0.0)
        weights = self.supw[j]
        values = self.budget[self.sup[j]]
        paid = values * weights
        money = float(paid.sum())
        total = self.approvals[j]
        rounding = (len(values) + 4) * EPS * (money + cost)
        money_err = total * self.delta + rounding
        if money + money_err < cost:
            return UNAFFORDABLE
        if money - money_err < cost and self._payment_exact(j) is None:
            return UNAFFORDABLE
        q = cost / total
        below_weight = 0.0
        while True:
            below = values < q
            weight = float(weights @ below)
            if weight == below_weight and weight < total:
                break
            if weight >= total:  # only when money is within rounding of cost
                q = float(values.max())
                break
            below_weight = weight
            q = (cost - float(paid @ below)) / (total - weight)
        q_err = total * self.delta + self.delta + 2 * rounding + 4 * EPS * q
        return q / cost, q_err / cost + 4 * EPS * q / cost

    def _payment_exact(self, j: int) -> Fraction | None:
        """The exact payment q of project j now, or None when its supporters cannot pay."""
        cost = self.cost[j]
        if cost == 0:
            return Fraction(0)
        levels, weights, values = self._supporters(j)
        money, money_err, q, q_err = self._root_float(j, weights, values)
        if money - money_err >= cost:
            found = self._payment_fast(j, levels, weights, values, q, q_err + self.delta)
            if found is not None:
                return found
        return self._payment_scan(j, levels.tolist(), weights.tolist(), 0, self.approvals[j])

    def _payment_scan(self, j, levels, weights, full, rest):
        """The exact scan: levels pay in full, poorest first, until the rest can share the cost."""
        need = self.cost[j] * self.unit
        budgets = [self._exact(level) for level in levels]
        for i in sorted(range(len(levels)), key=budgets.__getitem__):
            if need - full <= budgets[i] * rest:
                return Fraction(need - full, rest * self.unit)
            full += budgets[i] * int(weights[i])
            rest -= int(weights[i])
        return None

    def _payment_fast(self, j, levels, weights, values, q, margin):
        """The exact q when the floats say which levels surely pay in full; None if unsure."""
        low = int(np.searchsorted(values, q - margin, side="left"))  # [0, low) surely pay all
        high = int(np.searchsorted(values, q + margin, side="right"))  # [high, ..) surely pay q
        if high >= len(values):
            return None
        full_levels, full_weights = levels[:low], weights[:low].astype(np.int64)
        keep = full_levels != 1
        full_levels, full_weights = full_levels[keep], full_weights[keep]
        full = 0
        if len(full_levels):
            full = int(full_weights.sum()) * self.start
            per_round = full_weights @ self.history[full_levels].astype(np.int64)
            for t in np.flatnonzero(per_round).tolist():
                full -= int(per_round[t]) * self.paid[t]
        rest = self.approvals[j] - int(weights[:low].sum())
        middle = list(range(low, high + 1))  # the unsure levels and the first sure payer of q
        found = self._payment_scan(j, levels[middle].tolist(), weights[middle].tolist(), full, rest)
        if found is None:
            return None
        if low and self._exact(int(levels[low - 1])) > found * self.unit:
            return None  # a level taken as paying in full could pay q: be thorough instead
        return found

    def _pay(self, j: int, q: Fraction) -> None:
        """Supporters of j pay min(budget, q): each of their levels moves to a new level or to 1."""
        if q == 0:
            return
        t = len(self.paid)
        unit = self.unit * q.denominator // gcd(self.unit, q.denominator)
        if unit != self.unit:
            scale = unit // self.unit
            self.paid = [p * scale for p in self.paid]
            self.start *= scale
            self.unit = unit
        q_units = q.numerator * (unit // q.denominator)
        self.paid.append(q_units)
        members = self.sup[j]
        old = self.level[members]
        levels, counts = np.unique(old, return_counts=True)
        values = self.flt[levels]
        qf = float(q)
        margin = 2 * self.delta + 4 * EPS * qf
        stays = values > qf + margin
        for i in np.flatnonzero(~stays & (values >= qf - margin)).tolist():
            stays[i] = self._exact(int(levels[i])) > q_units
        whole = counts == self.pop[levels]  # every voter of the level supports j
        # a level wholly paying q is updated in place; a split one hands its supporters a new level
        moved = levels[stays & whole]
        self.history[moved, t] = 1
        self.flt[moved] -= qf
        split, split_counts = levels[stays & ~whole], counts[stays & ~whole]
        new = self._allocate(len(split))
        self.history[new] = self.history[split]
        self.history[new, t] = 1
        self.flt[new] = self.flt[split] - qf
        self.pop[new] = split_counts
        self.pop[split] -= split_counts
        broke, broke_counts = levels[~stays], counts[~stays]
        self.pop[broke] -= broke_counts
        self.pop[1] += int(broke_counts.sum())
        emptied = broke[(self.pop[broke] == 0) & (broke != 1)]
        self.free.extend(emptied.tolist())
        if len(split) or len(broke):
            remap = np.arange(len(self.flt), dtype=np.intp)
            remap[broke] = 1
            remap[split] = new
            self.level[members] = remap[old]
        self.budget[members] = self.flt[self.level[members]]

    def _allocate(self, count: int) -> np.ndarray:
        """`count` level ids: emptied ones first, then new ones (growing the arrays)."""
        reuse = [self.free.pop() for _ in range(min(count, len(self.free)))]
        fresh = count - len(reuse)
        if self.nlev + fresh > len(self.flt):
            size = max(2 * len(self.flt), self.nlev + fresh)
            grow = size - len(self.flt)
            self.flt = np.concatenate([self.flt, np.zeros(grow)])
            self.pop = np.concatenate([self.pop, np.zeros(grow, dtype=np.int64)])
            self.history = np.concatenate(
                [self.history, np.zeros((grow, self.history.shape[1]), dtype=np.uint8)])
        ids = np.array(reuse + list(range(self.nlev, self.nlev + fresh)), dtype=np.intp)
        self.nlev += fresh
        return ids


def equal_shares(election: Election, per_voter: Fraction | None = None) -> tuple[list[str], list[Tie]]:
    """MES on `election`; each voter starts with budget/n unless `per_voter` is given."""
    engine = EqualShares(election)
    if engine.voters == 0:
        return [], []
    if per_voter is None:
        per_voter = Fraction(election.budget, engine.voters)
    return engine.run(per_voter)
