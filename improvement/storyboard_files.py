"""A storyboard's file: what may be uploaded (a PDF, an image or slides, checked by
extension and by content, at most STORYBOARD_MAX_BYTES), storing it as a Wagtail
document with a preview image (the image itself, or a PDF's first page rendered with
PDFium), and who may download it.

Storyboard documents belong to no page, so `core.documents` would serve them to
anyone: `refuse_storyboard_document` (a `before_serve_document` hook) keeps each to the
members of its workshop's course and to editors who may change the document.
"""

import io
import secrets

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils.translation import gettext as _
from PIL import Image as PillowImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection
from wagtail.permissions import policy_registry

from courses import access as course_access
from improvement.storyboards import Storyboard

STORYBOARD_MAX_BYTES = 20 * 1024 * 1024
IMAGE_TYPES = {"png": "PNG", "jpg": "JPEG", "jpeg": "JPEG", "webp": "WEBP", "gif": "GIF"}
# Extension: the bytes such a file starts with (slides are zip archives).
SIGNATURES = {"pdf": b"%PDF-", "pptx": b"PK\x03\x04", "odp": b"PK\x03\x04"}
EXTENSIONS = ["pdf", *IMAGE_TYPES, "pptx", "odp"]
PREVIEW_WIDTH = 1000
PREVIEW_FILTER = f"max-{PREVIEW_WIDTH}x1400"
COLLECTION = "Storyboards"


class UploadProblem(Exception):
    def __init__(self, message, status=400):
        super().__init__(message)
        self.message, self.status = message, status


def extension(name):
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def check(upload):
    """The upload's bytes and extension, or UploadProblem (400 wrong type, 413 too big)."""
    if upload.size > STORYBOARD_MAX_BYTES:
        limit = STORYBOARD_MAX_BYTES // (1024 * 1024)
        raise UploadProblem(_("The file is larger than %(mb)d MB.") % {"mb": limit}, 413)
    kind = extension(upload.name)
    wrong = _("Upload a PDF, an image (PNG, JPEG, WebP, GIF) or slides (PPTX, ODP).")
    if kind not in EXTENSIONS:
        raise UploadProblem(wrong)
    data = upload.read()
    if kind in IMAGE_TYPES:
        try:
            with PillowImage.open(io.BytesIO(data)) as image:
                image.verify()
                found = image.format
        except Exception as error:  # Pillow raises many kinds for a file that is no image
            raise UploadProblem(wrong) from error
        if found != IMAGE_TYPES[kind]:
            raise UploadProblem(wrong)
    elif not data.startswith(SIGNATURES[kind]):
        raise UploadProblem(wrong)
    return data, kind


def first_page(data):
    """The PDF's first page as PNG bytes, or None if PDFium cannot read it."""
    import pypdfium2

    try:
        pdf = pypdfium2.PdfDocument(data)
        try:
            page = pdf[0]
            scale = PREVIEW_WIDTH / page.get_width()
            image = page.render(scale=min(scale, 3)).to_pil()
        finally:
            pdf.close()
    except (pypdfium2.PdfiumError, IndexError, ZeroDivisionError):
        return None
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def storyboard_collection():
    root = Collection.get_first_root_node()
    found = root.get_children().filter(name=COLLECTION).first()
    return found or root.add_child(name=COLLECTION)


def store(upload, title, user):
    """(document, preview image or None) made from a checked upload."""
    data, kind = check(upload)
    collection = storyboard_collection()
    token = secrets.token_urlsafe(12)  # file names nobody can guess
    document = get_document_model()(title=title, collection=collection, uploaded_by_user=user)
    document.file.save(f"storyboard-{token}.{kind}", ContentFile(data), save=False)
    document._set_document_file_metadata()  # as Wagtail's own upload view does
    document.save()
    picture = data if kind in IMAGE_TYPES else first_page(data) if kind == "pdf" else None
    if picture is None:
        return document, None
    suffix = kind if kind in IMAGE_TYPES else "png"
    image = get_image_model()(
        title=title,
        collection=collection,
        uploaded_by_user=user,
        # An ImageFile given here sets the width and height (Django's post_init).
        file=ImageFile(io.BytesIO(picture), name=f"storyboard-{token}.{suffix}"),
    )
    image._set_image_file_metadata()
    image.save()
    image.get_rendition(PREVIEW_FILTER)  # made now, so showing it only reads
    return document, image


def refuse_storyboard_document(document, request):
    """None to let the other checks decide; else the refusal of a storyboard's file."""
    storyboard = Storyboard.objects.filter(document=document).select_related("workshop").first()
    if storyboard is None:
        return None
    course = storyboard.workshop.get_course()
    if course_access.can_view_members_content(request.user, course):
        return None
    policy = policy_registry.get_by_type(type(document))
    if policy.user_has_permission_for_instance(request.user, "change", document):
        return None
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise PermissionDenied
