"""The billing ledger: charges at acceptance, refunds on failure, and the balances.

Charges are pro rata (``chars * price_per_10k / 10,000``), kept as ``Decimal`` so that sums
are exact; JSON carries them as numbers. A refund is its own ledger entry with a negative
amount, and the charge it cancels is marked ``refunded: true``: "no task charged twice" and
"failed previews cost nothing" are both checkable from the ledger alone.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, replace
from decimal import Decimal

from .config import DemoConfig
from .errors import bad_request

CLONE_ITEM = "sound-cloning-clone"
AUDIO_ITEM = "sound-cloning-audio"
VOICE_ITEM = "sound-cloning-voice"
CURRENCY = "JimiCoin"


@dataclass(frozen=True)
class Entry:
    entry_id: int
    task_id: str
    item: str
    chars: int
    amount: Decimal
    time: float
    kind: str  # "charge" or "refund"
    price_mode: str
    unit_price: Decimal
    refunded: bool = False

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {
            "id": self.entry_id,
            "taskId": self.task_id,
            "item": self.item,
            "chars": self.chars,
            "amount": float(self.amount),
            "currency": CURRENCY,
            "time": self.time,
            "kind": self.kind,
            "priceMode": self.price_mode,
            "unitPrice": float(self.unit_price),
        }
        if self.kind == "charge":
            data["refunded"] = self.refunded
        return data


@dataclass(frozen=True)
class Charge:
    item: str
    chars: int
    amount: Decimal
    price_mode: str
    unit_price: Decimal


def _money(value: float) -> Decimal:
    return Decimal(str(value))


class Ledger:
    def __init__(self, config: DemoConfig) -> None:
        self._config = config
        self._balance = _money(config.balance)
        self._quota = _money(config.key_quota)
        self._entries: list[Entry] = []
        self._lock = threading.Lock()

    def preview_charges(self, chars: int) -> list[Charge]:
        price = _money(self._config.price_clone_per_10k)
        return [Charge(CLONE_ITEM, chars, price * chars / 10000, "per_10k_char", price)]

    def production_charges(self, chars: int) -> list[Charge]:
        text_price = _money(self._config.price_audio_per_10k)
        voice_price = _money(self._config.price_voice)
        return [
            Charge(AUDIO_ITEM, chars, text_price * chars / 10000, "per_10k_char", text_price),
            Charge(VOICE_ITEM, 0, voice_price, "per_task", voice_price),
        ]

    def charge(self, task_id: str, charges: list[Charge], now: float) -> None:
        """Book all charges of one task, or none: the balance is checked first (§4)."""
        total = sum((c.amount for c in charges), Decimal(0))
        with self._lock:
            available = self._balance - self._used()
            if total > available:
                raise bad_request(
                    f"insufficient balance: this task costs {total:f} {CURRENCY} and "
                    f"{available:f} is available; top up and try again"
                )
            if self._quota > 0 and total > self._quota - self._used():
                raise bad_request(
                    f"insufficient balance: this task costs {total:f} {CURRENCY} and this "
                    f"key's quota has {self._quota - self._used():f} left"
                )
            for c in charges:
                self._entries.append(
                    Entry(len(self._entries) + 1, task_id, c.item, c.chars, c.amount, now,
                          "charge", c.price_mode, c.unit_price)
                )  # fmt: skip

    def refund(self, task_id: str, now: float) -> None:
        with self._lock:
            for index, entry in enumerate(list(self._entries)):
                if entry.task_id == task_id and entry.kind == "charge" and not entry.refunded:
                    self._entries[index] = replace(entry, refunded=True)
                    self._entries.append(
                        replace(entry, entry_id=len(self._entries) + 1, amount=-entry.amount,
                                time=now, kind="refund")
                    )  # fmt: skip

    def _used(self) -> Decimal:
        return sum((e.amount for e in self._entries), Decimal(0))

    def entries(self) -> list[dict[str, object]]:
        with self._lock:
            return [e.to_json() for e in self._entries]

    def user_balance(self) -> dict[str, object]:
        with self._lock:
            used = self._used()
            return {
                "balance": float(self._balance),
                "used_coin": float(used),
                "available": float(self._balance - used),
            }

    def key_balance(self) -> dict[str, object]:
        with self._lock:
            used = self._used()
            unlimited = self._quota <= 0
            return {
                "name": "demo key",
                "total_quota": float(self._quota),
                "used_quota": float(used),
                "available_quota": 0.0 if unlimited else float(self._quota - used),
                "unlimited": unlimited,
            }
