"""TokenStore asks the keyring only when a key is needed, once, from any thread (issue #7)."""

from __future__ import annotations

import threading
import time

import keyring
import keyring.backend
import pytest

from soundclone_desktop.store.secrets import SERVICE, USERNAME, TokenSource, TokenStore

SECRET = "sk-test-lazy-0123456789"


class CountingKeyring(keyring.backend.KeyringBackend):
    """Holds one key, counts reads, and can hold a read until released."""

    priority = 1  # type: ignore[assignment]

    def __init__(self, key: str | None = SECRET) -> None:
        super().__init__()
        self.key = key
        self.reads = 0
        self.release = threading.Event()
        self.release.set()

    def get_password(self, service: str, username: str) -> str | None:
        self.reads += 1
        assert self.release.wait(10), "the test never released the read"
        return self.key if (service, username) == (SERVICE, USERNAME) else None

    def set_password(self, service: str, username: str, password: str) -> None:
        self.key = password

    def delete_password(self, service: str, username: str) -> None:
        self.key = None


@pytest.fixture
def ring() -> CountingKeyring:
    backend = CountingKeyring()
    keyring.set_keyring(backend)  # the autouse memory keyring puts its own back afterwards
    return backend


def test_building_a_store_and_asking_what_is_known_never_touch_the_keyring(
    ring: CountingKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    lookups: list[int] = []
    real_lookup = keyring.get_keyring
    monkeypatch.setattr(keyring, "get_keyring", lambda: lookups.append(1) or real_lookup())
    store = TokenStore()
    assert store.known() is None and not store.loaded
    assert (ring.reads, lookups) == (0, [])
    assert store.get() == SECRET
    assert store.loaded and store.known() == SECRET
    assert store.persistent  # the backend was looked up once, for the read
    assert (ring.reads, len(lookups)) == (1, 1)


def test_the_environment_key_is_known_without_the_keyring(
    ring: CountingKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOUNDCLONE_API_KEY", "  env-key-123  ")
    store = TokenStore()
    assert store.known() == "env-key-123"
    assert store.get() == "env-key-123" and store.source is TokenSource.ENVIRONMENT
    assert ring.reads == 0


def test_a_second_reader_waits_for_the_first_read_instead_of_reading_again(
    ring: CountingKeyring,
) -> None:
    store = TokenStore()
    ring.release.clear()
    answers: list[str | None] = []
    readers = [threading.Thread(target=lambda: answers.append(store.get())) for _ in range(2)]
    for reader in readers:
        reader.start()
    deadline = time.monotonic() + 5
    while ring.reads == 0 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert store.known() is None  # still being read: nothing half-set is visible
    ring.release.set()
    for reader in readers:
        reader.join(5)
    assert answers == [SECRET, SECRET]
    assert ring.reads == 1
