from django.db import models
from django.utils.translation import gettext_lazy as _


class CourseFormat(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    VIRTUAL = "virtual", _("Virtual")
    BLENDED = "blended", _("Blended")


class EnrolmentMode(models.TextChoices):
    OPEN = "open", _("Open: anyone signed in can enrol")
    APPLICATION = "application", _("By application")
    CLOSED = "closed", _("Closed")


class CourseStatus(models.TextChoices):
    """Where a course stands today, derived from its dates."""

    UPCOMING = "upcoming", _("Upcoming")
    RUNNING = "running", _("Running")
    FINISHED = "finished", _("Finished")


class PersonRole(models.TextChoices):
    FACILITATOR = "facilitator", _("Facilitator")
    GUEST_SPEAKER = "guest_speaker", _("Guest speaker")


class ModuleAccess(models.TextChoices):
    OPEN = "open", _("Open preview: everyone can read it")
    MEMBERS = "members", _("Enrolled participants only")


class WorkshopFormat(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    VIRTUAL = "virtual", _("Virtual")
    HYBRID = "hybrid", _("Hybrid")
    ONLINE_MEETING = "online_meeting", _("Online meeting")


class AgendaItemKind(models.TextChoices):
    TALK = "talk", _("Didactic talk")
    PEER_PRESENTATION = "peer_presentation", _("Peer presentation")
    SMALL_GROUP = "small_group", _("Small group")
    FULL_GROUP = "full_group", _("Full group")
    SELF_DIRECTED = "self_directed", _("Self-directed")
    GUEST_SESSION = "guest_session", _("Guest session")


class EnrolmentRole(models.TextChoices):
    PARTICIPANT = "participant", _("Participant")
    FACILITATOR = "facilitator", _("Facilitator")
    # Invited to speak: takes part like a participant, with the role shown on posts.
    GUEST_SPEAKER = "guest_speaker", _("Guest speaker")


class EnrolmentStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    COMPLETED = "completed", _("Completed")


class CourseRole(models.TextChoices):
    """What a user is to a course, as `courses.access.course_role` answers it."""

    EDITOR = "editor", _("Editor")
    FACILITATOR = "facilitator", _("Facilitator")
    PARTICIPANT = "participant", _("Participant")


class ProgrammeForm(models.TextChoices):
    """Whether a course is run for teams that measure together, or for individuals."""

    COLLABORATIVE = "collaborative", _("Learning collaborative: teams that report measures")
    COMMUNITY = "community", _("Learning community: individual learners, no teams")


class PhaseKind(models.TextChoices):
    """The stages of a collaborative's life cycle, in the order they usually come."""

    INFORMATIONAL_CALLS = "informational_calls", _("Informational calls")
    APPLICATIONS = "applications", _("Applications")
    PRE_WORK = "pre_work", _("Pre-work")
    LEARNING = "learning", _("Learning sessions and action periods")
    SUSTAINABILITY = "sustainability", _("Sustainability")
