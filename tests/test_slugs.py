from generator.slugs import SlugAllocator, slugify


def test_slug_is_a_single_safe_segment():
    for name in ("../../etc/passwd", "..", "/abs/path", "a\\b", "", "   ", "Ünïcödé name"):
        slug = slugify(name, fallback="x")
        assert slug and "/" not in slug and "\\" not in slug and slug not in (".", "..")
    assert slugify("Ünïcödé name") == "unicode-name"


def test_clashing_names_get_distinct_slugs():
    slugs = SlugAllocator(reserved={"index"})
    assert [slugs.take(n) for n in ("Index", "A b", "a-b", "A  B")] == [
        "index-2",
        "a-b",
        "a-b-2",
        "a-b-3",
    ]
