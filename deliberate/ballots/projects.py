"""The community's projects and its budget, as events in the log (pure: decide and apply).

Projects belong to the community (a council's list for the year), not to one meeting:
`project_added` gives each an id (`p1`, `p2`, ...), a name (zh, and en if given), a cost in
whole yuan and a category; `project_withdrawn` takes one off the list (its id is never
reused, and its name may be used again); `budget_set` records the money to spend.
`election(state)` turns the list into the `Election` every selection rule reads.
"""

from __future__ import annotations

import re
import unicodedata
from msgspec import Struct, field

from deliberate.core import Command
from deliberate.i18n import listed
from deliberate.names import clean, name_key
from deliberate.refusal import Refusal
from deliberate.state import State
from deliberate.record import Event

_WHOLE = re.compile(r"^\s*([+-]?\d+)(?:\.0*)?\s*$")
LONGEST_NAME = 200


# -- the slice of the state --------------------------------------------------------------
class BudgetProject(Struct):
    """A project that may be funded."""
    id: str
    name: str
    key: str  # name_key(name): how names are compared
    cost: int
    name_en: str = ""
    category: str = ""
    added_at: str = ""
    withdrawn_at: str | None = None

    @property
    def active(self) -> bool:
        return self.withdrawn_at is None


class Ballots(Struct):
    """What `state.ballots` holds: the projects by id (in order of adding) and the budget;
    the secret polls (`deliberate.ballots.polls`) and which projects a poll funded."""

    projects: dict[str, BudgetProject] = field(default_factory=dict)
    budget: int | None = None
    budget_set_at: str | None = None
    polls: dict = field(default_factory=dict)        # poll id -> polls.Poll, in order of opening
    open_poll: str | None = None
    funded: dict = field(default_factory=dict)       # project id -> the poll that funded it

    def active(self) -> list[BudgetProject]:
        return [p for p in self.projects.values() if p.active]

    def named(self, name: str) -> BudgetProject | None:
        """The active project with this name (compared by name_key)."""
        key = name_key(name)
        return next((p for p in self.projects.values() if p.active and p.key == key), None)

    def find(self, name: str) -> BudgetProject | None:
        """The active project with this name, else the active project with this id."""
        found = self.named(name)
        if found is None:
            found = self.projects.get(clean(name))
            found = found if found is not None and found.active else None
        return found


def slice_of(state: State) -> Ballots:
    return state.ballots if state.ballots is not None else Ballots()


# -- commands ------------------------------------------------------------------------------
class AddProject(Command):
    """Add a project with its cost."""
    name: str
    cost: str | int  # as typed: checked here, so the refusal can say what was wrong
    category: str = ""
    name_en: str = ""


class WithdrawProject(Command):
    """Withdraw a project."""
    name: str  # a project's name or id


class SetBudget(Command):
    """Set the budget the projects share."""
    amount: str | int


def whole_yuan(value: str | int) -> int | None:
    """`value` as a whole number of yuan ("1500", "1500.00", full-width digits); None if not whole."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    match = _WHOLE.match(unicodedata.normalize("NFKC", str(value)))
    return int(match.group(1)) if match else None


def _money(value: str | int, what: str) -> int | Refusal:
    """A positive whole amount, or the refusal saying what is wrong with it (`what`: cost or amount)."""
    amount = whole_yuan(value)
    if amount is None:
        return Refusal(f"budget.{what}", f"budget.{what}.not_whole", {"value": str(value)},
                       hint_key=f"budget.{what}.hint")
    if amount <= 0:
        return Refusal(f"budget.{what}", f"budget.{what}.not_positive", {"value": str(value)},
                       hint_key=f"budget.{what}.hint")
    return amount


def decide_add(state: State, command: AddProject, rules) -> list[Event] | Refusal:
    if state.community is None:
        return Refusal("record.not_created", "record.not_created")
    name = clean(command.name)
    if not name:
        return Refusal("budget.project_name", "budget.project.empty_name")
    if len(name) > LONGEST_NAME:
        return Refusal("budget.project_name", "budget.project.long_name", {"name": name[:20], "limit": LONGEST_NAME})
    ballots = slice_of(state)
    same = ballots.named(name)
    if same is not None:
        return Refusal("budget.duplicate_project", "budget.project.duplicate", {"name": same.name, "id": same.id},
                       hint_key="budget.project.duplicate.hint")
    cost = _money(command.cost, "cost")
    if isinstance(cost, Refusal):
        return cost
    payload: dict = {"id": f"p{len(ballots.projects) + 1}", "name": name, "cost": cost}
    name_en = clean(command.name_en)
    if name_en:
        payload["name_en"] = name_en
    category = clean(command.category)
    if category:
        payload["category"] = category
    return [Event("project_added", command.at, payload)]


def decide_withdraw(state: State, command: WithdrawProject, rules) -> list[Event] | Refusal:
    if state.community is None:
        return Refusal("record.not_created", "record.not_created")
    ballots = slice_of(state)
    project = ballots.find(command.name)
    if project is None:
        import difflib  # only on this refusal: keeps every command's start-up light

        names = [p.name for p in ballots.active()]
        close = difflib.get_close_matches(clean(command.name), names, n=3, cutoff=0.4)
        return Refusal("budget.unknown_project", "budget.project.unknown" if close else "budget.project.unknown.none",
                       {"name": clean(command.name), "suggest": listed(close)}, hint_key="budget.project.unknown.hint")
    return [Event("project_withdrawn", command.at, {"id": project.id})]


def decide_budget(state: State, command: SetBudget, rules) -> list[Event] | Refusal:
    if state.community is None:
        return Refusal("record.not_created", "record.not_created")
    amount = _money(command.amount, "amount")
    if isinstance(amount, Refusal):
        return amount
    return [Event("budget_set", command.at, {"amount": amount})]


# -- appliers ------------------------------------------------------------------------------
def apply_added(state: State, event) -> None:
    p = event.payload
    if state.ballots is None:
        state.ballots = Ballots()
    state.ballots.projects[p["id"]] = BudgetProject(
        p["id"], p["name"], name_key(p["name"]), p["cost"], p.get("name_en", ""), p.get("category", ""), event.at)


def apply_withdrawn(state: State, event) -> None:
    state.ballots.projects[event.payload["id"]].withdrawn_at = event.at


def apply_budget(state: State, event) -> None:
    if state.ballots is None:
        state.ballots = Ballots()
    state.ballots.budget = event.payload["amount"]
    state.ballots.budget_set_at = event.at


# -- what others read ----------------------------------------------------------------------
def project_data(project: BudgetProject) -> dict:
    return {"id": project.id, "name": project.name, "name_en": project.name_en, "cost": project.cost,
            "category": project.category}


def projects_view(state: State, rules) -> dict | None:
    """The active projects, their total cost and the budget; None before the first of them."""
    if state.ballots is None:
        return None
    active = state.ballots.active()
    return {
        "budget": state.ballots.budget,
        "projects": [{**project_data(p), "funded": p.id in state.ballots.funded} for p in active],
        "total_cost": sum(p.cost for p in active),
        "withdrawn": [p.id for p in state.ballots.projects.values() if not p.active],
    }


def election(state: State):
    """The community's active projects and budget as an `Election` (no ballots yet).

    None when no budget has been set. The meta says where it comes from.
    """
    from deliberate.ballots.election import Election, Project

    ballots = slice_of(state)
    if ballots.budget is None:
        return None
    projects = [Project(p.id, p.cost, name=p.name, name_en=p.name_en,
                        category=tuple(c.strip() for c in p.category.split(",") if c.strip()))
                for p in ballots.active()]
    year = (state.last_at or "")[:4]
    meta = [("description", f"{state.community}: projects and budget from the council's record"),
            ("country", "China"), ("unit", state.community or ""), ("instance", year),
            ("num_projects", str(len(projects))), ("num_votes", "0"), ("currency", "CNY")]
    return Election(projects, ballots.budget, [], "approval", tuple(meta))


# -- this area's tables (merged by deliberate.domain) ----------------------------
DECIDERS = {
    AddProject: decide_add,
    WithdrawProject: decide_withdraw,
    SetBudget: decide_budget,
}
APPLIERS = {
    "project_added": apply_added,
    "project_withdrawn": apply_withdrawn,
    "budget_set": apply_budget,
}
VIEWS = {
    "projects": projects_view,
}
