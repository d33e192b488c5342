"""The speaking order (机会均等): first come, new speakers first, pro and con in turn, the maker first."""

from deliberate.floor_queue import (ALTERNATE, FIRST_COME, MAKER_FIRST, NEW_SPEAKER, SPOKEN_BEFORE, Waiting,
                                    order_queue)

LUOHU = dict(maker_speaks_first=False, new_speakers_first=True, alternate_pro_con=True)
ROBERT = dict(maker_speaks_first=True, new_speakers_first=True, alternate_pro_con=True)
PLAIN = dict(maker_speaks_first=False, new_speakers_first=False, alternate_pro_con=False)


def hands(*specs):
    """("王芳", "pro", 0) ... in the order raised."""
    return [Waiting(name, stance, order, spoken) for order, (name, stance, spoken) in enumerate(specs, start=1)]


def order(waiting, last=None, maker=None, begun=False, **rules):
    return [(p.member, p.reason) for p in order_queue(waiting, last, maker, begun, **rules)]


def test_who_asked_first_goes_first_without_other_rules():
    waiting = hands(("王芳", "pro", 1), ("刘洋", "pro", 0), ("陈静", "con", 0))
    assert order(waiting, last="pro", **PLAIN) == [("王芳", FIRST_COME), ("刘洋", FIRST_COME), ("陈静", FIRST_COME)]


def test_a_member_who_has_not_spoken_goes_before_one_who_has():
    waiting = hands(("王芳", "pro", 1), ("刘洋", "pro", 0))
    assert order(waiting, new_speakers_first=True, maker_speaks_first=False, alternate_pro_con=False) == [
        ("刘洋", NEW_SPEAKER), ("王芳", SPOKEN_BEFORE)]


def test_pro_and_con_take_turns_when_both_wait():
    waiting = hands(("王芳", "pro", 0), ("赵磊", "pro", 0), ("刘洋", "con", 0), ("黄丽", "con", 0))
    assert order(waiting, last="pro", **LUOHU) == [
        ("刘洋", ALTERNATE), ("王芳", FIRST_COME), ("黄丽", ALTERNATE), ("赵磊", FIRST_COME)]


def test_alternation_gives_way_when_only_one_side_waits():
    waiting = hands(("王芳", "pro", 0), ("赵磊", "pro", 0))
    assert order(waiting, last="pro", **LUOHU) == [("王芳", FIRST_COME), ("赵磊", FIRST_COME)]


def test_a_question_keeps_its_place_between_the_sides():
    waiting = hands(("王芳", "pro", 0), ("周杰", "question", 0), ("刘洋", "con", 0))
    assert order(waiting, last="pro", **LUOHU) == [("周杰", FIRST_COME), ("刘洋", ALTERNATE), ("王芳", FIRST_COME)]


def test_new_speakers_first_comes_before_alternation():
    # the last speech was for; the only one against has spoken already, so a new speaker for goes first
    waiting = hands(("刘洋", "con", 1), ("王芳", "pro", 0))
    assert order(waiting, last="pro", **LUOHU) == [("王芳", NEW_SPEAKER), ("刘洋", SPOKEN_BEFORE)]


def test_the_maker_opens_the_debate_under_robert():
    waiting = hands(("刘洋", "con", 0), ("王芳", "pro", 0))
    assert order(waiting, maker="王芳", **ROBERT) == [("王芳", MAKER_FIRST), ("刘洋", FIRST_COME)]


def test_the_maker_has_no_precedence_once_debate_has_begun():
    waiting = hands(("刘洋", "con", 0), ("王芳", "pro", 0))
    assert order(waiting, maker="王芳", begun=True, **ROBERT)[0] == ("刘洋", FIRST_COME)


def test_the_maker_has_no_precedence_under_the_luohu_ten():
    waiting = hands(("刘洋", "con", 0), ("王芳", "pro", 0))
    assert order(waiting, maker="王芳", **LUOHU)[0] == ("刘洋", FIRST_COME)


def test_an_empty_queue_is_empty():
    assert order([], last="con", **ROBERT) == []
