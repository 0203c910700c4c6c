from .applications import Application, ApplicationStatusChange, CoreTeamMember, Invitation
from .attendance import Attendance
from .certificates import Certificate
from .enrolment import CalendarFeed, Enrolment, ModuleCompletion
from .evaluations import EvaluationAnswer, EvaluationField, EvaluationPage, EvaluationRespondent
from .module import ModulePage
from .pages import CourseIndexPage, CoursePage, CoursePerson
from .reminders import ReminderDelivery, SessionMessage
from .snippets import Theme
from .workshop import FollowUpPage, FollowUpReminder, WorkshopPage

__all__ = [
    "Application",
    "ApplicationStatusChange",
    "Attendance",
    "CalendarFeed",
    "Certificate",
    "CoreTeamMember",
    "CourseIndexPage",
    "CoursePage",
    "CoursePerson",
    "Enrolment",
    "EvaluationAnswer",
    "EvaluationField",
    "EvaluationPage",
    "EvaluationRespondent",
    "FollowUpPage",
    "FollowUpReminder",
    "Invitation",
    "ModuleCompletion",
    "ModulePage",
    "ReminderDelivery",
    "SessionMessage",
    "Theme",
    "WorkshopPage",
]
