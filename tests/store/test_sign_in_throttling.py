"""Finding 10 of the hardening review: wrong passwords from one address make that address wait, not the officer."""

from __future__ import annotations

from sqlalchemy import Engine
from typer.testing import CliRunner

from thrive.cli.app import app
from thrive.framework.access import Role
from thrive.store.database import write_transaction
from thrive.store.users import ACCOUNT_FAILURES, ADDRESS_FAILURES, LOCKOUT_FAILURES, add_user, authenticate, is_locked

PASSWORD = "correct horse battery staple"
OFFICER = "economy@luton.gov.uk"


def _officer(engine: Engine) -> None:
    with write_transaction(engine) as connection:
        add_user(connection, OFFICER, PASSWORD, Role.EDITOR, "inclusive-economy-board")


def _fail(engine: Engine, email: str, address: str, times: int) -> None:
    with write_transaction(engine) as connection:
        for _ in range(times):
            assert authenticate(connection, email, "wrong password!", address) is None


def test_finding_10_a_strangers_failures_do_not_lock_the_officer_out_of_their_own_address(engine: Engine) -> None:
    _officer(engine)
    _fail(engine, OFFICER, "stranger", LOCKOUT_FAILURES)
    with write_transaction(engine) as connection:
        assert is_locked(connection, OFFICER, "stranger")
        assert not is_locked(connection, OFFICER, "office")
        assert authenticate(connection, OFFICER, PASSWORD, "office") is not None


def test_finding_10_guessing_across_accounts_from_one_address_makes_it_wait(engine: Engine) -> None:
    _officer(engine)
    for n in range(ADDRESS_FAILURES):
        _fail(engine, f"guess{n}@luton.gov.uk", "stranger", 1)
    with write_transaction(engine) as connection:
        assert is_locked(connection, OFFICER, "stranger")
        assert not is_locked(connection, OFFICER, "office")


def test_finding_10_a_spread_attack_locks_the_account_until_an_administrator_unlocks_it(
    engine: Engine, cli_env: str
) -> None:
    _officer(engine)
    for n in range(ACCOUNT_FAILURES // LOCKOUT_FAILURES):
        _fail(engine, OFFICER, f"address-{n}", LOCKOUT_FAILURES)
    with write_transaction(engine) as connection:
        assert is_locked(connection, OFFICER, "office")
    result = CliRunner().invoke(app, ["user", "unlock", OFFICER])
    assert result.exit_code == 0, result.output
    assert "can sign in again now" in result.stdout
    with write_transaction(engine) as connection:
        assert not is_locked(connection, OFFICER, "office")
    assert CliRunner().invoke(app, ["user", "unlock", "nobody@luton.gov.uk"]).exit_code == 2
