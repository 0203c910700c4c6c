from django.db import models
from django.utils.translation import gettext_lazy as _


class Audience(models.TextChoices):
    SUBSCRIBERS = "subscribers", _("Everyone who subscribed")
    COURSE_MEMBERS = "course_members", _("The members of a course")
    TEAM_LEADERS = "team_leaders", _("Team leaders (senior leaders of the teams)")
    APPLICANTS = "applicants", _("The contacts of organisations that applied")
