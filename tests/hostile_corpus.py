"""Hostile and broken seeds, written into a seeds folder at test time.

Binary files, symlinks and 10 MB articles are made here rather than committed. Every payload
that would prove an injection sets `window.__pwned` or opens a dialog; SECRET is a file outside
seeds/ whose contents must never reach the site.
"""

from __future__ import annotations

import codecs
import os
from pathlib import Path

SECRET_WORDS = "CLASSIFIED-OUTSIDE-SEEDS-7f3a"  # the secret file's name (seeds may mention it)
SECRET_CONTENT = "NEVER-PUBLISH-9c1e-CONTENT"  # what the secret file holds
PAYLOAD = "<script>window.__pwned=1;alert('x')</script>"

PLAIN = "The minister said on Tuesday that talks in Geneva would resume. Officials said more.\n"


def _nested_html(depth: int) -> str:
    return (
        "<html><head><title>Deep page</title></head><body>"
        + "<div>" * depth
        + "<p>The deep page says the council met in Oslo on Monday, officials said.</p>" * 3
        + "</div>" * depth
        + "</body></html>"
    )


def texts() -> dict[str, str | bytes]:
    """Seed file name -> content. Names themselves are part of the test."""
    long_article = " ".join(
        f"Sentence {i} says the envoy met officials in Vienna, Reuters reported."
        for i in range(150_000)
    )
    return {
        # files
        "empty.txt": b"",
        "whitespace.txt": b"   \n\t \n",
        "binary.txt": bytes(range(256)) * 64,
        "nul-bytes.txt": b"Talks resumed\x00\x00 in Geneva.\x00",
        "cp1252.txt": "Caf\u00e9 owners in Z\u00fcrich said \u201cno\u201d to the plan.".encode(
            "cp1252"
        ),
        "utf16-bom.txt": codecs.BOM_UTF16_LE
        + "The UTF-16 article says ministers met in Paris.".encode("utf-16-le"),
        "ten-megabytes.txt": long_article[:10_500_000],
        "one-long-line.txt": "A" * 3_000_000,
        "name with spaces.txt": PLAIN,
        "accentué ünïcode.txt": PLAIN,
        ".leading-dot.txt": PLAIN,
        "no-extension": PLAIN,
        "collide-a.md": "---\ntitle: Same Title\nslug: same-slug\n---\n" + PLAIN,
        "collide-b.md": "---\ntitle: Same Title\nslug: same-slug\n---\n" + PLAIN,
        "Collide A.txt": PLAIN,
        "collide-a.txt": PLAIN,
        # text
        "script.txt": f"Officials said {PAYLOAD} the plan was ready.\n"
        '<img src=x onerror="window.__pwned=2"> <a href="javascript:window.__pwned=3">click</a>\n'
        '<iframe src="javascript:window.__pwned=4"></iframe> <svg onload="window.__pwned=5"></svg>\n',
        "markdown-ext.md": "Reuters reported a deal.\n\n"
        '{: onclick="window.__pwned=6" }\n\n'
        '--8<-- "/etc/passwd"\n\n'
        f'--8<-- "{SECRET_WORDS}.txt"\n\n'
        '!!! danger "Injected"\n    admonition body\n\n'
        "```python\nunclosed fence\n\n"
        "| a | b |\n|---|---|\n| <b>x</b> | y |\n\n"
        '[link](javascript:window.__pwned=7) <a href="javascript:alert(1)">x</a>\n',
        "jinja.txt": "The {{ config }} said {% for x in range(9) %}X{% endfor %} "
        "and {{ ''.__class__.__mro__ }} and {# comment #} happened.\n",
        "controls.txt": "The minister Ab\u200bbas Ar\u202eaghchi\u202c said \x07\x1b[31mred\x1b[0m "
        "that the\u2066 talks\u2069 went well. Zero\u200dwidth\ufeff joiner.\n",
        # front matter
        "fm-unclosed.md": "---\ntitle: Never closed\n\nThe text goes on, the spokesman said.\n",
        "fm-bad-date.md": "---\ntitle: Bad date\ndate: 2024-02-31\n---\n" + PLAIN,
        "fm-anchors.md": "---\na: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
        "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
        "e: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n---\n" + PLAIN,
        "fm-python.md": "---\ntitle: !!python/object/apply:os.system ['touch /tmp/pwned-by-seed']\n---\n"
        + PLAIN,
        "fm-slug-escape.md": "---\ntitle: Escape\nslug: ../../../../tmp/escaped-by-seed\n---\n"
        + PLAIN,
        "fm-title-html.md": f'---\ntitle: "{PAYLOAD}</title><script>window.__pwned=8</script>"\n'
        'source: "<b onmouseover=alert(1)>Wire</b>"\nurl: "javascript:alert(1)"\n'
        'tags: ["<script>x</script>", "{{ 7*7 }}"]\n---\n' + PLAIN,
        # HTML seeds
        "scripts.html": "<html><head><title>Scripted</title><style>body{background:url(http://evil.example/x)}</style>"
        "<script>window.__pwned=9</script></head><body><article>"
        + "<p>The agency said the border crossing at Rafah reopened on Sunday after talks.</p>"
        * 5
        + '<iframe src="https://evil.example/"></iframe><p onclick="window.__pwned=10">Click</p>'
        "</article></body></html>",
        "nested.html": _nested_html(5_000),
    }


def write(seeds: Path, outside: Path) -> None:
    """Write every hostile seed into `seeds`, plus symlinks, and a secret file in `outside`."""
    seeds.mkdir(parents=True, exist_ok=True)
    for name, content in texts().items():
        path = seeds / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    secret = outside / f"{SECRET_WORDS}.txt"
    secret.write_text(f"{SECRET_CONTENT} must never be published.\n")
    os.symlink(secret, seeds / "link-outside.txt")
    os.symlink("/etc/passwd", seeds / "link-passwd.txt")
    os.symlink(seeds / "script.txt", seeds / "link-inside.txt")
    os.symlink(seeds / "loop-b.txt", seeds / "loop-a.txt")
    os.symlink(seeds / "loop-a.txt", seeds / "loop-b.txt")
