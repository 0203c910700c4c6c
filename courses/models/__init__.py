from .certificates import Certificate
from .enrolment import CalendarFeed, Enrolment, ModuleCompletion
from .module import ModulePage
from .pages import CourseIndexPage, CoursePage, CoursePerson
from .phases import CoursePhase
from .snippets import Theme
from .workshop import FollowUpPage, FollowUpReminder, WorkshopPage

__all__ = [
    "CalendarFeed",
    "Certificate",
    "CourseIndexPage",
    "CoursePage",
    "CoursePerson",
    "CoursePhase",
    "Enrolment",
    "FollowUpPage",
    "FollowUpReminder",
    "ModuleCompletion",
    "ModulePage",
    "Theme",
    "WorkshopPage",
]
