"""Markdown to safe HTML, once, when a post is saved.

Markdown passes raw HTML through, so its output is untrusted: nh3 (ammonia) then keeps
only an allow-list of tags and attributes, only http/https/mailto links, and adds
rel="nofollow ugc noopener" to every link. No images: they cost bandwidth on slow
connections and can track readers.
"""

import hashlib
import re

import markdown
import nh3
from django.utils.translation import gettext as _

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "del", "em", "h3", "h4", "h5", "h6", "hr",
    "i", "li", "ol", "p", "pre", "strong", "sub", "sup", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}}
URL_SCHEMES = {"http", "https", "mailto"}

# Characters that render as nothing: a body made only of these is empty.
INVISIBLE = re.compile(r"[\s\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]+")


def render_markdown(text):
    html = markdown.markdown(text, extensions=["fenced_code", "sane_lists"], output_format="html")
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="nofollow ugc noopener",
        strip_comments=True,
    )


def is_blank(text):
    return not INVISIBLE.sub("", text)


def body_hash(text):
    return hashlib.sha256(text.strip().encode()).hexdigest()


def quote(author_name, body):
    """A Markdown block quote of `body` headed by its author's name. The name is flattened
    to one line and its Markdown characters escaped so it cannot break out of the header."""
    name = re.sub(r"\s+", " ", author_name).strip()
    name = re.sub(r"([\\`*_{}\[\]()#+\-.!<>|~])", r"\\\1", name)
    header = _("%(name)s wrote:") % {"name": name}
    lines = [f"> **{header}**", ">"] + [f"> {line}" for line in body.splitlines()]
    return "\n".join(lines) + "\n\n"
