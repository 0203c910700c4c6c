from django.apps import AppConfig


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = "Courses"

    def ready(self):
        from django.db.models.signals import post_save
        from wagtail.signals import page_published

        from core.caching import bump_on_change
        from courses import checks  # noqa: F401 - registers the system checks
        from courses.course_forums import create_forum_on_first_publish
        from courses.dashboard import calendar_scope
        from courses.models import CalendarFeed, CoursePage, ModuleCompletion
        from courses.signal_handlers import check_completion_on_module

        page_published.connect(create_forum_on_first_publish, sender=CoursePage)
        post_save.connect(
            check_completion_on_module,
            sender=ModuleCompletion,
            dispatch_uid="courses-completion-on-module",
        )
        # A new address replaces a deleted one, whose deletion bumped the scope already.
        bump_on_change(
            CalendarFeed,
            lambda feed: calendar_scope(feed.user_id),
            uid="courses-calendar",
            created_too=False,
        )
