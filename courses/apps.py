from django.apps import AppConfig


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = "Courses"

    def ready(self):
        from django.db.models.signals import post_save
        from wagtail.signals import page_published

        from courses import checks  # noqa: F401 - registers the system checks
        from courses.course_forums import create_forum_on_first_publish
        from courses.models import CoursePage, ModuleCompletion
        from courses.signal_handlers import check_completion_on_module

        page_published.connect(create_forum_on_first_publish, sender=CoursePage)
        post_save.connect(
            check_completion_on_module,
            sender=ModuleCompletion,
            dispatch_uid="courses-completion-on-module",
        )
