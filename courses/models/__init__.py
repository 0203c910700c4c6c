from .certificates import Certificate
from .enrolment import CalendarFeed, Enrolment, ModuleCompletion
from .module import ModulePage
from .pages import CourseIndexPage, CoursePage, CoursePerson
from .snippets import Theme
from .workshop import FollowUpPage, FollowUpReminder, WorkshopPage

__all__ = [
    "CalendarFeed",
    "Certificate",
    "CourseIndexPage",
    "CoursePage",
    "CoursePerson",
    "Enrolment",
    "FollowUpPage",
    "FollowUpReminder",
    "ModuleCompletion",
    "ModulePage",
    "Theme",
    "WorkshopPage",
]
