from django import template
from django.utils.html import format_html_join
from wagtail import hooks

register = template.Library()


@register.simple_tag(takes_context=True)
def page_sections(context, page):
    """The sections other apps add to this page: each `page_sections` hook function
    returns HTML (rendered with `render_to_string`) for `(page, request)`, or None."""
    request = context["request"]
    sections = (section(page, request) for section in hooks.get_hooks("page_sections"))
    return format_html_join("\n", "{}", ((html,) for html in sections if html))
