from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page

register = template.Library()


@register.simple_tag(takes_context=True)
def nav_link(context, href, label):
    """A header link that carries aria-current when the visitor is in its section."""
    if context["request"].path.startswith(href):
        return format_html('<li><a href="{}" aria-current="page">{}</a></li>', href, label)
    return format_html('<li><a href="{}">{}</a></li>', href, label)


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    request = context["request"]
    page = context.get("page")
    languages = [
        {"code": code, "name": get_language_info(code)["name_local"]}
        for code, _name in settings.LANGUAGES
    ]
    return {
        "languages": languages,
        "current": get_language(),
        "next": request.get_full_path(),
        "page_id": getattr(page, "pk", None) if isinstance(page, Page) else None,
        "csrf_token": context.get("csrf_token"),
    }
