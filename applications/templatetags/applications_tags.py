from django import template

from applications.review import application_window, can_edit, live_application

register = template.Library()


@register.simple_tag
def application_state(course, user):
    """The window for applying to `course`, and `user`'s own live application to it."""
    window = application_window(course)
    application = live_application(user, course) if user.is_authenticated else None
    if application:
        application.course = course
    return {
        "window": window,
        "application": application,
        "can_edit": bool(application and can_edit(application)),
    }
