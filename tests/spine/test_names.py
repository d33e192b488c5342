"""Names compare after NFC and full-width folding: one person, however typed."""

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from deliberate.names import clean, name_key


def test_full_width_digits_and_letters_fold_to_half_width():
    assert name_key("王芳２") == name_key("王芳2")
    assert name_key("ＬＩ　Ｍｉｎｇ") == name_key("Li Ming")


def test_chinese_names_are_kept_as_they_are():
    assert name_key("王芳") != name_key("汪芳")
    assert clean("　王芳 ") == "王芳"


@given(st.text(min_size=1, max_size=20))
def test_nfc_and_nfd_forms_of_a_name_are_the_same_member(name):
    assert name_key(unicodedata.normalize("NFD", name)) == name_key(unicodedata.normalize("NFC", name))
