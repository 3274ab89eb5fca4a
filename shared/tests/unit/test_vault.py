"""Secrets sealed at rest: opened only with the right secret, old rows still readable,
keys rotate."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from talentloop_shared.ops.vault import SealedValueUnreadable, Vault, is_sealed

KEY = "k" * 40
OTHER = "o" * 40


@given(st.text(max_size=300))
def test_a_sealed_value_opens_to_itself_and_shows_nothing_of_it(value: str) -> None:
    vault = Vault([KEY])
    sealed = vault.seal(value)
    assert is_sealed(sealed)
    assert vault.open(sealed) == value
    if len(value) >= 4:
        assert value not in sealed


def test_sealing_twice_gives_two_different_values() -> None:
    vault = Vault([KEY])
    assert vault.seal("whsec_abc") != vault.seal("whsec_abc")


def test_a_value_stored_before_sealing_is_read_as_it_is() -> None:
    assert Vault([KEY]).open("https://oapi.dingtalk.com/robot/send?access_token=t") == (
        "https://oapi.dingtalk.com/robot/send?access_token=t"
    )
    assert not is_sealed("whsec_abc")
    assert is_sealed(None)


def test_another_secret_cannot_open_it_and_says_so_without_the_value() -> None:
    sealed = Vault([KEY]).seal("whsec_abc")
    with pytest.raises(SealedValueUnreadable) as refused:
        Vault([OTHER]).open(sealed)
    assert "whsec_abc" not in str(refused.value)


def test_keys_rotate_new_first_old_still_opens() -> None:
    old = Vault([KEY]).seal("whsec_abc")
    rotated = Vault([OTHER, KEY])
    assert rotated.open(old) == "whsec_abc"
    assert Vault([OTHER]).open(rotated.seal("whsec_abc")) == "whsec_abc"


def test_a_vault_needs_a_secret() -> None:
    with pytest.raises(ValueError, match="non-empty secret"):
        Vault([])
    with pytest.raises(ValueError, match="non-empty secret"):
        Vault([""])
