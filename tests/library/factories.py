from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from library.choices import ResourceLanguage, ResourceType
from library.models import ResourcePage


def make_resource(library, title, *, tags=(), **fields):
    """A live resource under `library`; an external link unless told otherwise."""
    values = {
        "slug": slugify(title),
        "summary": f"About {title}.",
        "resource_type": ResourceType.TOOLKIT,
        "language": ResourceLanguage.ENGLISH,
        "year": 2024,
        "first_published_at": timezone.now(),
        **fields,
    }
    if not any(values.get(name) for name in ("document", "embed_url", "external_url")):
        values["external_url"] = f"https://example.org/{values['slug']}"
    resource = ResourcePage(title=title, **values)
    resource.tags.add(*tags)
    return library.add_child(instance=resource)


def make_document(title="Toolkit", filename="toolkit.txt", content=b"Roles and referral.\n"):
    document = get_document_model()(title=title, file_size=len(content))
    document.file.save(filename, ContentFile(content), save=False)
    document.save()
    return document


def make_image(title="Cover"):
    return get_image_model().objects.create(title=title, file=get_test_image_file())
