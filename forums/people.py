"""How authors appear on posts: initials on a colour drawn from the name (no external
service, nothing fetched), and a badge for the roles a higher app names through the
`forums_author_badges` hook, asked once per page of posts:

    @hooks.register("forums_author_badges")
    def badges(page, user_ids): return {user_id: "Facilitator", ...} or None
"""

import hashlib

from wagtail import hooks

AVATAR_COLOURS = 8  # .avatar--0 … .avatar--7 in forums.css, each with white text at AA


def initials(name):
    words = [word for word in name.split() if word[:1].isalpha()] or [name or "?"]
    return "".join(word[0] for word in (words[:1] + words[1:][-1:])).upper()


def colour(name):
    return int(hashlib.sha256(name.encode()).hexdigest(), 16) % AVATAR_COLOURS


def badges(forum, user_ids):
    """{user id: badge label} for a page forum's authors, from the hooks."""
    if not forum.page_id or not user_ids:
        return {}
    found = {}
    for fn in hooks.get_hooks("forums_author_badges"):
        found.update(fn(forum.page, set(user_ids)) or {})
    return found


def decorate(posts, forum):
    """Set `post.avatar` (initials, colour) and `post.badge` on each post."""
    labels = badges(forum, {post.author_id for post in posts if post.author_id})
    for post in posts:
        name = post.author.get_full_name() if post.author else ""
        post.avatar = (initials(name), colour(name))
        post.badge = labels.get(post.author_id, "")
