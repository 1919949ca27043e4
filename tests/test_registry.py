"""The entity registry: aliases map to the entry, near misses are flagged, never changed."""

from __future__ import annotations

from pathlib import Path

from generator.extract import extract
from generator.model import Document
from generator.options import Options

REGISTRY = """
- name: Steve Witkoff
  type: PERSON
  aliases: [Witkoff]
  description: Envoy.
- name: Orlando Vance
  type: PERSON
  aliases: [Vance]
  links: [https://example.org/vance]
"""


def _run(tmp_path: Path, text: str):
    (tmp_path / "entities.yml").write_text(REGISTRY, "utf-8")
    doc = Document(seed="t.txt", name="t", format="txt", text=text)
    return extract(doc, Options(root=tmp_path))


def test_alias_maps_to_canonical_entry(tmp_path):
    ex = _run(tmp_path, "Senator Vance said the bill would pass.")
    ent = next(e for e in ex.entities if e.name == "Orlando Vance")
    assert ent.links == ["https://example.org/vance"]


def test_near_miss_is_flagged_not_changed(tmp_path):
    ex = _run(tmp_path, "Envoy Steve Wittorf met the minister.")
    ent = next(e for e in ex.entities if e.type == "PERSON")
    assert ent.name == "Steve Wittorf" and ent.near_miss == "Steve Witkoff"


def test_missing_registry_is_harmless(tmp_path):
    doc = Document(seed="t.txt", name="t", format="txt", text="Envoy Steve Wittorf spoke.")
    ex = extract(doc, Options(root=tmp_path / "nowhere"))
    assert ex.entities[0].near_miss is None
