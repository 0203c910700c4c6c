"""Finding 1: no redirect the site makes may leave the site, whatever the path, the
`next` parameter or the language the visitor prefers."""

from urllib.parse import unquote, urlencode

import pytest
from django.test import Client, override_settings
from django.utils.http import url_has_allowed_host_and_scheme

from tests.factories import UserFactory

# Spellings that some browser reads as another host (after stripping tabs and
# newlines, turning backslashes into slashes and resolving dot segments).
HOSTILE_PATHS = [
    "//evil.example/",
    "//evil.example",
    "///evil.example/",
    "/\\evil.example/",
    "/\\\\evil.example/",
    "\\\\/evil.example/",
    "/%2F%2Fevil.example/",
    "/%2F/evil.example/",
    "/%5Cevil.example/",
    "/.//evil.example/",
    "/./\\evil.example/",
    "/%2e//evil.example/",
    "/..//evil.example/",
    "/\t/evil.example/",
    "/\n/evil.example/",
    "/%09/evil.example/",
    "/%0a/evil.example/",
    "/\r\n//evil.example/",
    "https:evil.example",
    "https://evil.example/",
    "//evil.example/ar/",
    "///\\;@evil.example/",
]
PREFIXES = ["", "/ar", "/fa", "/ur"]
LANGUAGES = ["ar", "fa", "ur"]


def stays_on_site(location):
    """What a browser would do with `location`: strip tabs and newlines, read
    backslashes as slashes, resolve dot segments; it must still be this host."""
    cleaned = "".join(c for c in location if c not in "\t\n\r").replace("\\", "/")
    if not cleaned.startswith("/") or cleaned.startswith("//"):
        return False
    segments = []
    for segment in cleaned.split("?")[0].split("/")[1:]:
        if segment.lower() in (".", "%2e"):
            continue
        if segment.lower() in ("..", "%2e%2e", ".%2e", "%2e."):
            segments = segments[:-1]
            continue
        segments.append(segment)
    resolved = "/" + "/".join(segments)
    return not resolved.startswith("//") and url_has_allowed_host_and_scheme(
        resolved, allowed_hosts={"testserver"}
    )


def fetch_raw(client, path, headers=None):
    """GET `path` as a browser sent it. The test client would read "//evil.example/" as
    a host, so the server is handed the raw path, decoded as a WSGI server does."""
    raw_path, _sep, query = path.partition("?")
    return client.get(
        raw_path,
        headers=headers,
        PATH_INFO=unquote(raw_path).encode().decode("latin-1"),
        QUERY_STRING=query,
    )


def follow_is_safe(client, path, headers=None):
    """Fetch `path` and follow every redirect the site makes (up to ten)."""
    for _ in range(10):
        response = fetch_raw(client, path, headers)
        if response.status_code not in (301, 302, 303, 307, 308):
            return True
        location = response["Location"]
        if not stays_on_site(location):
            return False
        path = location
    return True


def test_the_helper_recognises_off_site_locations():
    assert not stays_on_site("//evil.example/ar/")
    assert not stays_on_site("/.//evil.example/")
    assert not stays_on_site("/\t/evil.example/")
    assert stays_on_site("/ar/about/")


def visitors():
    """Each way a visitor can prefer a language: browser, cookie, profile."""
    for language in LANGUAGES:
        yield f"accept-{language}", {"accept-language": language}, None
        yield f"cookie-{language}", None, ("cookie", language)
        yield f"profile-{language}", None, ("user", language)


def client_for(preference):
    client = Client()
    if preference and preference[0] == "cookie":
        client.cookies["django_language"] = preference[1]
    if preference and preference[0] == "user":
        client.force_login(UserFactory(preferred_language=preference[1]))
    return client


@pytest.mark.parametrize("settings_module", ["dev", "production"])
@pytest.mark.parametrize("name,headers,preference", list(visitors()))
def test_the_preferred_language_redirect_stays_on_site(
    home_page, settings_module, name, headers, preference
):
    overrides = {"SECURE_SSL_REDIRECT": False} if settings_module == "production" else {}
    with override_settings(DEBUG=settings_module == "dev", **overrides):
        client = client_for(preference)
        unsafe = [
            prefix + path
            for prefix in PREFIXES
            for path in HOSTILE_PATHS
            if not follow_is_safe(client, prefix + path, headers)
        ]
    assert unsafe == []


@pytest.mark.parametrize("language", LANGUAGES + ["en"])
def test_the_language_switch_never_sends_off_site(home_page, client, language):
    unsafe = [
        prefix + next_url
        for prefix in PREFIXES
        for next_url in HOSTILE_PATHS
        if not follow_is_safe(
            client, "/language/?" + urlencode({"language": language, "next": prefix + next_url})
        )
    ]
    assert unsafe == []


def test_an_ordinary_page_still_redirects_to_the_preferred_language(home_page, client):
    response = client.get("/", headers={"accept-language": "ar"})
    assert response.status_code == 302
    assert response["Location"] == "/ar/"
    switched = client.get("/language/", {"language": "fa", "next": "/ar/?page=2"})
    assert switched["Location"] == "/fa/?page=2"


# The helper every redirect goes through, on its own: each of its checks must hold even
# where a later one would catch the same address (mutation testing found them masked).
OFF_SITE_OR_UNCLEAR = [
    "dashboard/",  # relative: only absolute paths pass
    "evil.example/x",
    "/\\evil.example",
    "/ok\\path",
    "/\x00/evil.example",
    "/\x1f/evil.example",
    "/\x7f/evil.example",
    "/a//evil.example",
    "/a/./b",
    "/a/%2E%2E/b",
]
LOCAL_PATHS = [
    "/library/?q=mental health",  # a space in the query is a plain character
    "/page/#//anchor",  # what follows # never leaves the page
    "/forums/?next=//x#top",
    "/search/?next=//x?page=2",  # only the first ? ends the path
    "/page/#a//b#c",  # only the first # ends the path
    "/ar/about/",
    "/caf\x80/",  # not a control character
]


@pytest.mark.parametrize("url", OFF_SITE_OR_UNCLEAR)
def test_is_local_path_refuses_each_spelling_by_itself(url):
    from core.redirects import is_local_path

    assert not is_local_path(url)


@pytest.mark.parametrize("url", LOCAL_PATHS)
def test_is_local_path_accepts_plain_absolute_paths(url):
    from core.redirects import is_local_path

    assert is_local_path(url)
