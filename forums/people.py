"""How authors appear on posts: initials on a colour drawn from the name (core.avatars,
as everywhere on the site), and a badge for the roles a higher app names through the
`forums_author_badges` hook, asked once per page of posts:

    @hooks.register("forums_author_badges")
    def badges(page, user_ids): return {user_id: "Facilitator", ...} or None
"""

from wagtail import hooks

from core.avatars import colour, initials


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
