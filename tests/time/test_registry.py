"""The rules name resolvers that exist, and every resolver serves a rule."""

from __future__ import annotations

from mahattat.time.grammar import rules
from mahattat.time.registry import RESOLVERS


def test_every_rule_has_its_resolver_and_no_resolver_is_idle() -> None:
    assert {rule.resolver for rule in rules()} == set(RESOLVERS)
