from forums import posting


def make_topic(forum, author, title="A topic", body="Hello", replies=0, now=None):
    """A topic through the real posting path, with `replies` numbered replies."""
    topic, _created = posting.start_topic(forum, author, title, body, now=now)
    for number in range(replies):
        posting.reply(topic, author, f"Reply {number}", now=now)
    topic.refresh_from_db()
    return topic
