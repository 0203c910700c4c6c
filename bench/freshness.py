"""Signed-in pages are never shown stale (issue 21): through gunicorn, with the readers'
own copies on (home/reader_cache.py), the demo learner views a page twice, so that a copy
is held, then something changes, and the next view must show it. Run after every page
was measured: the changes stay in the bench's throwaway database."""

from bench.load_client import Recorder, Session
from bench.pages import COURSE, MODULE


def checks(port, cookie):
    """[(what was checked, passed)]."""
    session = Session(port, Recorder())
    name, _, value = cookie.partition("=")
    session.cookies[name] = value
    return [completing_a_module(session), writing_a_reply(session), publishing_a_page(session)]


def viewed_twice(session, path):
    session.get("freshness", path)
    return session.get("freshness", path)[2].decode()


def the_module():
    from wagtail.models import Locale

    from courses.models import ModulePage

    english = Locale.get_default()
    return ModulePage.objects.live().get(url_path__endswith=MODULE, locale=english)


def completing_a_module(session):
    was_done = "Mark as not done" in viewed_twice(session, MODULE)
    action = "uncomplete/" if was_done else "complete/"
    session.post("freshness", COURSE + action, {"module": the_module().pk})
    now_done = "Mark as not done" in session.get("freshness", MODULE)[2].decode()
    return ("a module marked complete or not done shows so on the next view", now_done != was_done)


def writing_a_reply(session):
    from forums.models import Topic

    topic = Topic.objects.order_by("-post_count", "pk").first()
    url = topic.get_absolute_url()
    viewed_twice(session, f"{url}?page={topic.page_count}")
    body = "A reply the freshness check wrote just now."
    session.get("freshness", f"{url}reply/")
    session.post("freshness", f"{url}reply/", {"body": body}, expected=(303,))
    topic.refresh_from_db()
    last_page = session.get("freshness", f"{url}?page={topic.page_count}")[2].decode()
    return ("a reply shows on the topic's last page on the next view", body in last_page)


def publishing_a_page(session):
    viewed_twice(session, MODULE)
    module = the_module()
    module.title = f"{module.title} (revised)"
    module.save_revision().publish()
    shown = module.title in session.get("freshness", MODULE)[2].decode()
    return ("a page published in the admin shows on the next signed-in view", shown)
