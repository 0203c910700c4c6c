from django.apps import AppConfig


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = "Courses"

    def ready(self):
        from wagtail.signals import page_published

        from courses import invitations  # noqa: F401 - connects its user_logged_in receiver
        from courses.course_forums import create_forum_on_first_publish
        from courses.models import CoursePage

        page_published.connect(create_forum_on_first_publish, sender=CoursePage)
