from wagtail import hooks

from core.avatars import display_name, svg_data_uri
from core.documents import refuse_document


@hooks.register("before_serve_document")
def private_documents(document, request):
    return refuse_document(document, request)


@hooks.register("get_avatar_url")
def initials_avatar(user, size):
    """The admin's avatars: the person's initials on their colour, as on the site, unless
    they uploaded a picture in their Wagtail profile."""
    profile = getattr(user, "wagtail_userprofile", None)
    if profile is not None and profile.avatar:
        return None
    return svg_data_uri(display_name(user), size)
