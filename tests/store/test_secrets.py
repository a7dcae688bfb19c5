"""TokenStore: environment first, then the keyring, else a session-only key with a reason."""

from __future__ import annotations

import logging

import keyring
import keyring.backend
import keyring.backends.null
import keyring.errors
import pytest

from soundclone_desktop.store.secrets import SERVICE, USERNAME, TokenSource, TokenStore

SECRET = "sk-test-0123456789abcdef"


class NoKeyring(keyring.backend.KeyringBackend):
    """Behaves like keyring's fail backend on a headless box."""

    priority = 1  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        raise keyring.errors.NoKeyringError("No recommended backend was available.")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.NoKeyringError("No recommended backend was available.")

    def delete_password(self, service: str, username: str) -> None:
        raise keyring.errors.NoKeyringError("No recommended backend was available.")


class LockedKeyring(NoKeyring):
    def get_password(self, service: str, username: str) -> str | None:
        raise keyring.errors.KeyringLocked("locked")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.KeyringLocked("locked")


class ForgetfulKeyring(keyring.backend.KeyringBackend):
    """Accepts writes and keeps nothing, like the null backend under another name."""

    priority = 1  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        pass

    def delete_password(self, service: str, username: str) -> None:
        pass


def test_keyring_round_trip(memory_keyring: keyring.backend.KeyringBackend) -> None:
    store = TokenStore()
    assert store.get() is None and store.source is TokenSource.NONE
    assert store.set(f"  {SECRET}\n") is True
    assert store.persistent and store.reason is None
    assert memory_keyring.get_password(SERVICE, USERNAME) == SECRET
    again = TokenStore()  # a later run reads it back
    assert again.get() == SECRET and again.source is TokenSource.KEYRING
    again.clear()
    assert TokenStore().get() is None


def test_environment_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    TokenStore().set("stored-key")
    monkeypatch.setenv("SOUNDCLONE_API_KEY", SECRET)
    store = TokenStore()
    assert store.get() == SECRET and store.source is TokenSource.ENVIRONMENT
    store.set("another-key")
    assert store.get() == SECRET


@pytest.mark.parametrize("backend", [NoKeyring, LockedKeyring, ForgetfulKeyring])
def test_falls_back_to_the_session(
    backend: type[keyring.backend.KeyringBackend], caplog: pytest.LogCaptureFixture
) -> None:
    keyring.set_keyring(backend())
    caplog.set_level(logging.DEBUG)
    store = TokenStore()
    assert store.get() is None
    assert store.set(SECRET) is False
    assert store.get() == SECRET and store.source is TokenSource.SESSION
    assert not store.persistent
    assert store.reason and "session" in store.reason
    assert SECRET not in caplog.text and SECRET not in repr(store)
    store.clear()
    assert store.get() is None


def test_known_null_backend_is_not_persistent_before_any_write() -> None:
    keyring.set_keyring(keyring.backends.null.Keyring())
    store = TokenStore()
    assert not store.persistent and store.reason


def test_empty_key_is_refused() -> None:
    with pytest.raises(ValueError, match="empty"):
        TokenStore().set("   ")
