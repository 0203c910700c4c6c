"""Every value inserted into a translated sentence of a page (a title, a name, a count,
a date) is isolated in <bdi>, so that an English title inside an Arabic sentence (or the
reverse) keeps its own direction and does not carry the sentence's punctuation or digits
with it. Checked over the templates' source, since any of them may show mixed text."""

import re
from pathlib import Path

from django.conf import settings
from django.template import Context, Template
from django.utils.text import smart_split

ROOT = Path(settings.BASE_DIR)
TAG = re.compile(r"\{% blocktranslate\b[^%]*?%\}")
STOPS = {"count", "trimmed", "asvar", "context", "noop"}


def page_templates():
    """HTML page templates; emails (text, or clients that drop <bdi>) are left out."""
    for path in sorted(ROOT.glob("*/templates/**/*.html")) + sorted(
        ROOT.glob("templates/**/*.html")
    ):
        if ".venv" in path.parts or "node_modules" in path.parts:
            continue
        if "email" in path.parts or path.name.endswith("_email.html"):
            continue
        yield path


def inserted_values(source):
    """(binding, position) for each `with` binding of a blocktranslate outside a <title>,
    whose content is plain text where <bdi> would show as "<bdi>"."""
    for match in TAG.finditer(source):
        before = source[: match.start()]
        if before.rfind("{% block title %}") > before.rfind("{% endblock %}"):
            continue
        if before.rfind("<title") > before.rfind("</title>"):
            continue
        inside_with = False
        for bit in smart_split(match.group(0)[2:-2]):
            if bit == "with":
                inside_with = True
            elif bit in STOPS:
                inside_with = False
            elif inside_with and "=" in bit:
                yield bit


def test_every_value_inserted_into_a_translated_sentence_is_isolated():
    templates = list(page_templates())
    assert len(templates) > 50
    bare = [
        f"{path.relative_to(ROOT)}: {binding}"
        for path in templates
        for binding in inserted_values(path.read_text())
        if not binding.endswith("|bdi")
    ]
    assert bare == []


def test_bdi_isolates_and_escapes_the_value():
    template = Template(
        "{% load i18n core_tags %}"
        "{% blocktranslate with name=name|bdi %}Welcome, {{ name }}{% endblocktranslate %}"
    )
    assert template.render(Context({"name": "سلمى <b>"})) == "Welcome, <bdi>سلمى &lt;b&gt;</bdi>"


def test_every_template_using_bdi_loads_it():
    """A template naming the filter without loading core_tags fails only when rendered."""
    loads = re.compile(r"\{% load [^%]*\bcore_tags\b")
    missing = [
        str(path.relative_to(ROOT))
        for path in page_templates()
        if "|bdi" in path.read_text()
        and not loads.search(path.read_text().replace("wagtailcore_tags", ""))
    ]
    assert missing == []
