"""XSS payloads taken from bugs other forums shipped."""

import re
from html.parser import HTMLParser

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)><script>alert(1)</script></svg>",
    '<a href="javascript:alert(1)">click</a>',
    "[click](javascript:alert(1))",
    "[click](javascript&#58;alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[click](vbscript:msgbox(1))",
    '[x](https://example.org "title\\" onmouseover=\\"alert(1)")',
    '![x](https://example.org/a.png "onerror=alert(1)")',
    '<div style="background:url(javascript:alert(1))">styled',
    "<iframe src=https://evil.example></iframe>",
    "<b onmouseover=alert(1)>bold</b>",
    "<scr<script>ipt>alert(1)</script>",
    "<a href='https://ok.example' onclick='alert(1)'>ok",
    '> **Eve"><script>alert(1)</script> wrote:**',
    "<details open ontoggle=alert(1)>",
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "<style>body{display:none}</style>",
    "<form action=javascript:alert(1)><button>go</button></form>",
]

SAFE_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "del", "em", "h3", "h4", "h5", "h6",
    "hr", "i", "li", "ol", "p", "pre", "strong", "sub", "sup", "ul",
}  # fmt: skip
SAFE_ATTRIBUTES = {"href", "title", "rel"}


class LiveMarkup(HTMLParser):
    """Collects what a browser would treat as markup: tags, attributes, link schemes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []

    def handle_starttag(self, tag, attrs):
        if tag not in SAFE_TAGS:
            self.problems.append(f"tag <{tag}>")
        for name, value in attrs:
            if name not in SAFE_ATTRIBUTES:
                self.problems.append(f"attribute {name}")
            if name == "href" and not re.match(r"(https?|mailto):", value or "", re.I):
                self.problems.append(f"href {value}")


def live_markup_problems(html):
    parser = LiveMarkup()
    parser.feed(html)
    parser.close()
    return parser.problems


TITLE_PAYLOAD = '<script>alert("t")</script><img src=x onerror=alert(2)>'
