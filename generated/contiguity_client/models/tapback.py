from typing import Literal

Tapback = Literal["dislike", "emphasize", "laugh", "like", "love", "question"]

TAPBACK_VALUES: set[Tapback] = {
    "dislike",
    "emphasize",
    "laugh",
    "like",
    "love",
    "question",
}


def check_tapback(value: str) -> Tapback:
    if value in TAPBACK_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TAPBACK_VALUES!r}")
