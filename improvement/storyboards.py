"""Storyboards ("all teach, all learn"): before each learning session every team of
the collaborative shows the others what it tried, on one page of a gallery below the
workshop. One storyboard per team and workshop, held by the database; uploading again
replaces it. Its file is a Wagtail document, kept to the course's members by the
`before_serve_document` check in `storyboard_files`; an image, or the first page of a
PDF, becomes its preview image, shown through an access-checked route.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Storyboard(models.Model):
    workshop = models.ForeignKey(
        "courses.WorkshopPage",
        on_delete=models.CASCADE,
        related_name="storyboards",
        verbose_name=_("learning session"),
        help_text=_("The default-language workshop page; its translations share it."),
    )
    team = models.ForeignKey(
        "teams.Team", on_delete=models.CASCADE, related_name="storyboards", verbose_name=_("team")
    )
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), max_length=2000)
    tried = models.TextField(_("what the team tried"), max_length=4000)
    results = models.TextField(_("results"), max_length=4000)
    lessons = models.TextField(_("lessons"), max_length=4000)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("file"),
    )
    preview = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("preview"),
    )
    featured = models.BooleanField(_("featured"), default=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-featured", "team__name"]
        verbose_name = _("storyboard")
        verbose_name_plural = _("storyboards")
        constraints = [
            models.UniqueConstraint(fields=["workshop", "team"], name="unique_storyboard"),
        ]

    def __str__(self):
        return f"{self.team} · {self.title}"


class StoryboardComment(models.Model):
    storyboard = models.ForeignKey(
        Storyboard, on_delete=models.CASCADE, related_name="comments", verbose_name=_("storyboard")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("author"),
    )
    body = models.TextField(_("comment"), max_length=2000)
    created_at = models.DateTimeField(_("written"), auto_now_add=True)

    class Meta:
        ordering = ["storyboard", "created_at", "pk"]
        verbose_name = _("storyboard comment")
        verbose_name_plural = _("storyboard comments")

    def __str__(self):
        return f"{self.storyboard} · {self.created_at:%Y-%m-%d}"


class StoryboardReminder(models.Model):
    """The storyboard reminder of one workshop sent to one team leader: its unique
    constraint makes it go out once, however many times `send_reminders` runs."""

    workshop = models.ForeignKey(
        "courses.WorkshopPage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("learning session"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("person"),
    )
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("storyboard reminder")
        verbose_name_plural = _("storyboard reminders")
        constraints = [
            models.UniqueConstraint(fields=["workshop", "user"], name="unique_storyboard_reminder"),
        ]

    def __str__(self):
        return f"{self.workshop_id} → {self.user}"
