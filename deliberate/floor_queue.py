"""The speaking queue: who speaks next by the rules, and why. Pure.

The order is a function of the hands waiting (in the order they were raised),
how often each member has already spoken on the question, the stance of the
last speaker for or against, who made the motion, and the floor rules:

1. the maker of the motion opens the debate (`maker_speaks_first`), if waiting
   and nobody has spoken on the question yet;
2. a member who has not spoken on the question goes before one who has
   (`new_speakers_first`);
3. within that, when the last speaker was for (against) and someone against
   (for) waits, the other side goes first (`alternate_pro_con`); a question
   (提问) keeps its place, it is neither side;
4. otherwise first come, first served.

Every place carries the reason it is where it is, for the host and the minutes.
"""

from __future__ import annotations

from collections import deque
from msgspec import Struct

STANCES = ("pro", "con", "question")
SIDES = {"pro": "con", "con": "pro"}

# Reasons, in the words of the catalog (floor.reason.*).
MAKER_FIRST = "maker_first"
ALTERNATE = "alternate"
NEW_SPEAKER = "new_speaker"
SPOKEN_BEFORE = "spoken_before"
FIRST_COME = "first_come"


class Waiting(Struct, frozen=True):
    """A raised hand as the ordering sees it."""

    member: str
    stance: str | None
    order: int          # when it was raised: smaller is earlier
    spoken: int         # speeches the member has made on the question


class Place(Struct, frozen=True):
    """A hand's place in the speaking queue, and the reason for it."""
    member: str
    stance: str | None
    spoken: int
    reason: str


def order_queue(hands: list[Waiting], last_side: str | None, maker: str | None, debate_begun: bool,
                maker_speaks_first: bool, new_speakers_first: bool, alternate_pro_con: bool) -> list[Place]:
    """The hands in the order the chair must recognise them. Linear in the number of hands."""
    hands = sorted(hands, key=lambda h: h.order)
    places: list[Place] = []
    if maker_speaks_first and maker is not None and not debate_begun:
        for hand in hands:
            if hand.member == maker and hand.spoken == 0:
                places.append(Place(hand.member, hand.stance, hand.spoken, MAKER_FIRST))
                hands = [h for h in hands if h is not hand]
                if hand.stance in SIDES:
                    last_side = hand.stance
                break
    if new_speakers_first:
        fresh = [h for h in hands if h.spoken == 0]
        seasoned = [h for h in hands if h.spoken > 0]
        tiers = [(fresh, NEW_SPEAKER if seasoned else FIRST_COME, seasoned),
                 (seasoned, SPOKEN_BEFORE if fresh else FIRST_COME, [])]
    else:
        tiers = [(hands, FIRST_COME, [])]
    for tier, tier_reason, behind in tiers:
        first_behind = behind[0].order if behind else None
        for hand, alternated in _merge(tier, last_side, alternate_pro_con):
            if alternated:
                reason = ALTERNATE
            elif tier_reason == NEW_SPEAKER and (first_behind is None or first_behind > hand.order):
                reason = FIRST_COME  # nobody who spoke before was waiting ahead of this hand
            else:
                reason = tier_reason
            places.append(Place(hand.member, hand.stance, hand.spoken, reason))
            if hand.stance in SIDES:
                last_side = hand.stance
    return places


def _merge(tier: list[Waiting], last_side: str | None, alternate: bool):
    """Yield (hand, went_ahead_to_alternate) in speaking order within one tier."""
    if not alternate:
        for hand in tier:
            yield hand, False
        return
    lines = {"pro": deque(), "con": deque(), None: deque()}
    for hand in tier:
        lines[hand.stance if hand.stance in SIDES else None].append(hand)
    while lines["pro"] or lines["con"] or lines[None]:
        heads = [line[0] for line in lines.values() if line]
        earliest = min(heads, key=lambda h: h.order)
        choice = earliest
        if last_side in SIDES and earliest.stance == last_side and lines[SIDES[last_side]]:
            # The other side waits: it goes before the earlier hand of the same side.
            others = [h for h in heads if h.stance != last_side]
            choice = min(others, key=lambda h: h.order)
        lines[choice.stance if choice.stance in SIDES else None].popleft()
        if choice.stance in SIDES:
            last_side = choice.stance
        yield choice, choice is not earliest and choice.stance in SIDES
