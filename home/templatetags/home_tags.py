from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.http import urlencode
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
    page = context.get("page")
    query = {"next": context["request"].get_full_path()}
    if isinstance(page, Page) and page.pk:
        query["page"] = page.pk
    languages = [
        {
            "code": code,
            "name": get_language_info(code)["name_local"],
            "query": urlencode({"language": code, **query}),
        }
        for code, _name in settings.LANGUAGES
    ]
    return {"languages": languages, "current": get_language()}
