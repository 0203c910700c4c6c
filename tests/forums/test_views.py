"""Reading and writing through the pages, and the bad input each must refuse."""

import pytest
from django.test import Client, override_settings

from forums import posting
from forums.models import Post, Report, Topic
from tests.forums.factories import make_topic
from tests.forums.payloads import TITLE_PAYLOAD


def reply_url(topic):
    return f"{topic.get_absolute_url()}reply/"


def post_url(topic, post, action=""):
    return f"{topic.get_absolute_url()}posts/{post.pk}/{action}"


def test_forum_list_shows_counts_and_latest(client, topic, member):
    page = client.get("/forums/").content.decode()
    assert "Barriers and solutions" in page
    assert "Protecting supervision time" in page


def test_public_forum_reads_signed_out_but_posting_needs_sign_in(client, topic):
    assert client.get(topic.get_absolute_url()).status_code == 200
    response = client.post(reply_url(topic), {"body": "anonymous"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert topic.posts.count() == 1


def test_members_forum_sends_visitors_to_sign_in(client, members_forum):
    assert client.get("/forums/members/").status_code == 302


def test_wrong_slug_redirects_to_canonical_and_unknown_topic_is_404(client, topic):
    response = client.get(f"/forums/barriers/{topic.pk}-old-title/?page=1")
    assert response.status_code == 301
    assert response["Location"] == f"{topic.get_absolute_url()}?page=1"
    assert client.get(f"/forums/barriers/{topic.pk + 99}-x/").status_code == 404
    assert client.get(f"{topic.get_absolute_url()}?page=2").status_code == 404
    assert client.get(f"{topic.get_absolute_url()}?page=x").status_code == 404


def test_post_id_from_another_topic_is_404(client, open_forum, user, topic):
    other = make_topic(open_forum, user, title="Other")
    foreign = other.posts.get()
    client.force_login(user)
    assert client.get(post_url(topic, foreign)).status_code == 404
    assert client.get(post_url(topic, foreign, "edit/")).status_code == 404
    assert client.post(post_url(topic, foreign, "delete/")).status_code == 404
    assert client.get(f"{reply_url(topic)}?quote={foreign.pk}").status_code == 404
    own = topic.posts.get()
    assert client.get(post_url(topic, own)).status_code == 302


def test_new_topic_and_reply_with_markdown(client, open_forum, member):
    client.force_login(member)
    response = client.post("/forums/barriers/new/", {"title": "Rotas", "body": "**Signed** rota"})
    topic = Topic.objects.get(title="Rotas")
    assert response["Location"] == topic.get_absolute_url()
    client.post(reply_url(topic), {"body": "- one\n- two"})
    page = client.get(topic.get_absolute_url()).content.decode()
    assert "<strong>Signed</strong> rota" in page
    assert "<li>one</li>" in page


def test_preview_renders_without_saving(client, topic, member):
    client.force_login(member)
    response = client.post(reply_url(topic), {"body": "*draft*", "preview": "1"})
    assert response.status_code == 200
    assert "<em>draft</em>" in response.content.decode()
    assert topic.posts.count() == 1


def test_quote_prefills_the_reply(client, topic, member):
    client.force_login(member)
    post = topic.posts.get()
    response = client.get(f"{reply_url(topic)}?quote={post.pk}")
    assert "&gt; **Parveen Participant wrote:**" in response.content.decode()


def test_hidden_and_deleted_posts_cannot_be_quoted(client, topic, member):
    post = topic.posts.get()
    Post.objects.filter(pk=post.pk).update(hidden=True)
    client.force_login(member)
    assert client.get(f"{reply_url(topic)}?quote={post.pk}").status_code == 404


def test_edit_own_post_shows_edited(client, topic, user):
    client.force_login(user)
    post = topic.posts.get()
    response = client.post(post_url(topic, post, "edit/"), {"body": "Better words"})
    assert response.status_code == 303
    page = client.get(topic.get_absolute_url()).content.decode()
    assert "Better words" in page and "edited" in page


def test_cannot_edit_or_delete_someone_elses_post(client, topic, member):
    client.force_login(member)
    post = topic.posts.get()
    assert client.post(post_url(topic, post, "edit/"), {"body": "Hijack"}).status_code == 403
    assert client.post(post_url(topic, post, "delete/")).status_code == 403
    post.refresh_from_db()
    assert post.body == "First post" and not post.deleted


def test_delete_is_soft_and_moderator_restores(client, topic, user, editor):
    client.force_login(user)
    post = topic.posts.get()
    client.post(post_url(topic, post, "delete/"))
    post.refresh_from_db()
    assert post.deleted
    reader = Client()
    page = reader.get(topic.get_absolute_url()).content.decode()
    assert "This post was deleted" in page and "First post" not in page
    client.force_login(editor)
    assert "First post" in client.get(topic.get_absolute_url()).content.decode()
    client.post(post_url(topic, post, "restore/"))
    post.refresh_from_db()
    assert not post.deleted
    topic.refresh_from_db()
    assert topic.post_count == 1


def test_moderator_hides_a_post(client, topic, editor):
    post = topic.posts.get()
    client.force_login(editor)
    page = client.get(topic.get_absolute_url()).content.decode()
    assert "Undo the author" not in page and ">Restore</button>" not in page  # nothing to restore
    client.post(post_url(topic, post, "hide/"), {"reason": "Off topic"})
    page = Client().get(topic.get_absolute_url()).content.decode()
    assert "hidden by a moderator" in page and "First post" not in page
    assert "Off topic" not in page  # the reason is for its author and the moderators
    assert ">Restore</button>" in client.get(topic.get_absolute_url()).content.decode()


def test_after_posting_the_browser_gets_the_topic_with_get(client, topic, member):
    """303 See Other: Back or reload after posting never offers to send the form again."""
    client.force_login(member)
    response = client.post(reply_url(topic), {"body": "Counted once"}, follow=True)
    assert response.redirect_chain[0][1] == 303
    assert (
        response.request["REQUEST_METHOD"] == "GET" and "Counted once" in response.content.decode()
    )


def test_reply_to_locked_topic_is_403(client, topic, member):
    Topic.objects.filter(pk=topic.pk).update(locked=True)
    client.force_login(member)
    assert client.post(reply_url(topic), {"body": "Still?"}).status_code == 403
    assert topic.posts.count() == 1


def test_hidden_topic_is_404_for_participants(client, topic, member):
    Topic.objects.filter(pk=topic.pk).update(hidden=True)
    client.force_login(member)
    assert client.get(topic.get_absolute_url()).status_code == 404


@pytest.mark.parametrize(
    ("title", "body", "field"),
    [
        ("x" * 201, "ok", "title"),
        ("ok", "x" * 20_001, "body"),
        ("ok", "", "body"),
        ("ok", "   \n\t ", "body"),
        ("ok", "\u200b\u200c\u200d\ufeff", "body"),
        ("ok", "nul\x00byte", "body"),
        ("\u200b", "ok", "title"),
    ],
)
def test_bad_input_is_a_form_error_and_nothing_is_saved(
    client, open_forum, member, title, body, field
):
    client.force_login(member)
    response = client.post("/forums/barriers/new/", {"title": title, "body": body})
    assert response.status_code == 400
    assert response.context["form"].errors[field]
    assert not Topic.objects.exists()


def test_a_one_megabyte_body_is_refused_with_413(client, topic, member):
    client.force_login(member)
    response = client.post(reply_url(topic), {"body": "x" * 1_000_000})
    assert response.status_code == 413
    assert topic.posts.count() == 1


def test_posting_needs_a_csrf_token(topic, member):
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    assert client.post(reply_url(topic), {"body": "no token"}).status_code == 403
    assert topic.posts.count() == 1


@override_settings(FORUMS_POST_RATE="2/60")
def test_posting_too_fast_is_429(client, topic, member):
    client.force_login(member)
    for number in range(2):
        assert client.post(reply_url(topic), {"body": f"quick {number}"}).status_code == 303
    response = client.post(reply_url(topic), {"body": "one too many"})
    assert response.status_code == 429
    assert "too quickly" in response.content.decode()
    assert topic.posts.count() == 3


def test_double_submit_makes_one_post(client, topic, member):
    client.force_login(member)
    first = client.post(reply_url(topic), {"body": "Sent twice"})
    second = client.post(reply_url(topic), {"body": "Sent twice"})
    assert first["Location"] == second["Location"]
    assert topic.posts.filter(body="Sent twice").count() == 1


def test_mass_assignment_is_ignored(client, open_forum, members_forum, member, topic):
    client.force_login(member)
    client.post(
        "/forums/barriers/new/",
        {"title": "Sneaky", "body": "x", "pinned": "on", "locked": "on", "hidden": "on",
         "forum": members_forum.pk, "author": 1, "post_count": 999},
    )  # fmt: skip
    sneaky = Topic.objects.get(title="Sneaky")
    assert (sneaky.pinned, sneaky.locked, sneaky.hidden) == (False, False, False)
    assert sneaky.forum == open_forum and sneaky.author == member and sneaky.post_count == 1
    client.post(reply_url(topic), {"body": "reply", "topic": sneaky.pk, "hidden": "on"})
    reply = Post.objects.get(body="reply")
    assert reply.topic == topic and not reply.hidden


def test_report_a_post(client, topic, member):
    client.force_login(member)
    post = topic.posts.get()
    assert client.post(post_url(topic, post, "report/"), {"reason": ""}).status_code == 400
    client.post(post_url(topic, post, "report/"), {"reason": "Shares a client's name"})
    client.post(post_url(topic, post, "report/"), {"reason": "Again"})  # one open report each
    assert Report.objects.get().reason == "Shares a client's name"


def test_search_finds_visible_posts_only(client, open_forum, user, member):
    topic = make_topic(open_forum, user, title="Fidelity", body="fidelity checklist visible")
    hidden, _ = posting.reply(topic, member, "fidelity hidden one")
    deleted, _ = posting.reply(topic, member, "fidelity deleted one")
    Post.objects.filter(pk=hidden.pk).update(hidden=True)
    Post.objects.filter(pk=deleted.pk).update(deleted=True)
    secret = make_topic(open_forum, user, title="Secret", body="fidelity in hidden topic")
    Topic.objects.filter(pk=secret.pk).update(hidden=True)
    for url in ("/forums/?q=fidelity", "/forums/barriers/?q=fidelity"):
        page = client.get(url).content.decode()
        assert "fidelity checklist visible" in page
        assert "hidden one" not in page and "deleted one" not in page
        assert "hidden topic" not in page


def test_search_does_not_reach_forums_the_user_cannot_read(client, course_rules, forum_a, member):
    make_topic(forum_a, member, body="course secret plan")
    page = client.get("/forums/?q=secret").content.decode()
    assert "course secret plan" not in page


def test_titles_and_names_are_escaped_on_pages(client, open_forum, member):
    member.display_name = '<img src=x onerror=alert("n")>'
    member.save()
    topic = make_topic(open_forum, member, title=TITLE_PAYLOAD)
    for url in ("/forums/", "/forums/barriers/", topic.get_absolute_url(), "/forums/?q=First"):
        page = client.get(url).content.decode()
        assert "<script>alert" not in page and "<img src=x" not in page, url
    assert "&lt;script&gt;alert" in client.get(topic.get_absolute_url()).content.decode()


def test_forum_name_is_escaped(client, open_forum):
    open_forum.name = TITLE_PAYLOAD
    open_forum.save()
    for url in ("/forums/", "/forums/barriers/"):
        assert "<script>alert" not in client.get(url).content.decode()


def test_unread_counts_and_jump_to_first_unread(client, topic, member, user):
    client.force_login(member)
    client.get(topic.get_absolute_url())  # reads post 1
    second, _ = posting.reply(topic, user, "Second")
    posting.reply(topic, user, "Third")
    listing = client.get("/forums/barriers/").content.decode()
    assert "2 new" in listing
    response = client.get(f"{topic.get_absolute_url()}unread/")
    assert response["Location"].endswith(f"#post-{second.position}")


def test_subscribe_and_unsubscribe_a_topic(client, topic, member):
    client.force_login(member)
    client.post(f"{topic.get_absolute_url()}subscribe/", {"subscribe": "1"})
    assert "Stop following" in client.get(topic.get_absolute_url()).content.decode()
    client.post(f"{topic.get_absolute_url()}subscribe/", {"subscribe": "0"})
    assert "Follow this topic" in client.get(topic.get_absolute_url()).content.decode()


def test_the_number_shown_on_a_post_is_its_permalinks_anchor(client, topic, member, user):
    """A post shown as "#3" is linked and reached as #post-3, on whatever page it is."""
    from forums.models import POSTS_PER_PAGE
    from tests.forums.test_queries import add_posts

    other = posting.start_topic(topic.forum, user, "Other", "Hello")[0]
    add_posts(other, 3, [user])  # post ids no longer follow positions
    posting.reply(topic, member, "Second")
    third = posting.reply(topic, user, "Third")[0]
    topic.refresh_from_db()
    add_posts(topic, POSTS_PER_PAGE, [user])
    client.force_login(member)
    page = client.get(topic.get_absolute_url()).content.decode()
    assert third.pk != third.position
    assert f'id="post-{third.position}"' in page and f">#{third.position}</a>" in page
    response = client.get(f"{topic.get_absolute_url()}posts/{third.pk}/")
    assert response["Location"].endswith(f"#post-{third.position}")
    last = topic.posts.order_by("-position").first()
    response = client.get(f"{topic.get_absolute_url()}posts/{last.pk}/")
    assert response["Location"].endswith(f"?page=2#post-{last.position}")
