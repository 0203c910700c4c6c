"""Forums, topics and posts: the content readers see."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from core.translations import language_field
from forums.choices import Scope

# Paths under /forums/ that a forum slug must not take.
RESERVED_SLUGS = {"people", "preferences", "unsubscribe"}
POSTS_PER_PAGE = 20


def validate_forum_slug(value):
    if value in RESERVED_SLUGS:
        raise ValidationError(
            _("“%(value)s” is reserved; choose another slug."), params={"value": value}
        )


class Forum(ClusterableModel):
    """A place for topics. Its scope says who reads and posts; a page-scoped forum (a
    course's) asks the page's app through the `forums_can_*` hooks (forums/access.py)."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(
        _("slug"), max_length=80, unique=True, allow_unicode=True, validators=[validate_forum_slug]
    )
    description = models.TextField(_("description"), blank=True, max_length=2000)
    position = models.PositiveIntegerField(
        _("position"), default=0, help_text=_("Forums are listed by position, lowest first.")
    )
    scope = models.CharField(_("who may read"), max_length=10, choices=Scope, default=Scope.MEMBERS)
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        # A forum outlives its page: with no page it is closed to all but moderators.
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("For a page forum: the page (for example a course) whose members take part."),
    )

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("forum")
        verbose_name_plural = _("forums")
        permissions = [("moderate_forum", _("Can moderate every forum"))]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("forums:forum", args=[self.slug])

    def clean(self):
        if self.scope == Scope.PAGE and not self.page_id:
            raise ValidationError({"page": _("A page forum needs a page.")})
        if self.scope != Scope.PAGE and self.page_id:
            raise ValidationError({"page": _("Only a page forum has a page.")})


class ForumTranslation(models.Model):
    """A forum's name and description in another language; the slug, the topics and
    who may read stay with the forum."""

    forum = ParentalKey(Forum, on_delete=models.CASCADE, related_name="translations")
    language_code = language_field()
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True, max_length=2000)

    # The forum's fields shown in the reader's language.
    TEXTS = ["name", "description"]

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["forum", "language_code"], name="forums_one_translation_per_language"
            )
        ]
        verbose_name = _("translation")
        verbose_name_plural = _("translations")

    def __str__(self):
        return f"{self.name} ({self.language_code})"


class Topic(models.Model):
    """A thread. The counters are denormalised so lists cost one query; every change to
    the topic's posts updates them in the same transaction, under the topic's row lock."""

    forum = models.ForeignKey(Forum, on_delete=models.CASCADE, related_name="topics")
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(max_length=80, allow_unicode=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(default=timezone.now)
    pinned = models.BooleanField(_("pinned"), default=False)
    locked = models.BooleanField(_("locked"), default=False)
    hidden = models.BooleanField(_("hidden"), default=False)
    # Posts readers can see (not hidden, not deleted) and the latest of them.
    post_count = models.PositiveIntegerField(_("posts"), default=0)
    last_post_at = models.DateTimeField(_("last post"), null=True, blank=True)
    last_poster = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Highest post position: pages are position ranges, so the last page costs the same as
    # the first (no OFFSET scan), and a permalink's page is arithmetic.
    last_position = models.PositiveIntegerField(default=0)
    # A question's accepted answer: a visible reply chosen by the author or a moderator.
    is_question = models.BooleanField(_("this is a question"), default=False)
    answer = models.ForeignKey(
        "forums.Post", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-pinned", "-last_post_at"]
        indexes = [models.Index(fields=["forum", "-pinned", "-last_post_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(answer__isnull=True) | models.Q(is_question=True),
                name="forums_topic_answer_needs_question",
            )
        ]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.title, allow_unicode=True)[:80] or "topic"
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("forums:topic", args=[self.forum.slug, self.pk, self.slug])

    @property
    def page_count(self):
        return max(1, -(-self.last_position // POSTS_PER_PAGE))


class Post(models.Model):
    """One message. `body` is what the author wrote (Markdown); `body_html` is rendered and
    sanitised once, at save, so pages and emails never render user Markdown again."""

    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    position = models.PositiveIntegerField()
    body = models.TextField(_("message"))
    body_html = models.TextField(editable=False)
    # SHA-256 of the body: the same author sending the same text twice makes one post.
    body_hash = models.CharField(max_length=64, editable=False)
    created = models.DateTimeField(default=timezone.now, db_index=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    edit_count = models.PositiveIntegerField(default=0)
    hidden = models.BooleanField(_("hidden by a moderator"), default=False)
    # Why, in the moderator's words: shown to the author (and in their notification).
    hidden_reason = models.CharField(_("reason for hiding"), max_length=500, blank=True)
    deleted = models.BooleanField(_("deleted by its author"), default=False)

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["topic", "position"], name="forums_post_position")
        ]
        verbose_name = _("post")
        verbose_name_plural = _("posts")

    def __str__(self):
        return f"#{self.position} in {self.topic_id}"

    def get_absolute_url(self):
        """Permalink: the topic page that holds the post, at its anchor, which carries
        the number readers see on the post ("#4" is `#post-4`)."""
        topic = self.topic
        url = reverse("forums:topic", args=[topic.forum.slug, topic.pk, topic.slug])
        page = self.page_number
        anchor = f"#post-{self.position}"
        return f"{url}?page={page}{anchor}" if page > 1 else f"{url}{anchor}"

    @property
    def visible(self):
        return not (self.hidden or self.deleted)

    @property
    def page_number(self):
        return (self.position - 1) // POSTS_PER_PAGE + 1
