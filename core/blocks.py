"""StreamField blocks shared by every app's pages (like bakerydemo's base/blocks.py)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    size = blocks.ChoiceBlock(
        choices=[("h2", "H2"), ("h3", "H3"), ("h4", "H4")], default="h2", label=_("Level")
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        description = _("A section heading")
        preview_value = {"text": "Look back, look ahead", "size": "h2"}


class CaptionedImageBlock(ImageBlock):
    class Meta:
        icon = "image"
        template = "blocks/image_block.html"
        description = _("An image with alt text, shown at the width of the text column")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"), max_length=1000)
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        description = _("A quotation with its source")
        preview_value = {
            "text": "Supervision made the difference: our counsellors finally felt backed.",
            "attribution": "Participant, Lahore team",
        }


class CalloutBlock(blocks.StructBlock):
    tone = blocks.ChoiceBlock(
        choices=[("info", _("Note")), ("tip", _("Tip")), ("warning", _("Caution"))],
        default="info",
        label=_("Tone"),
    )
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=150)
    text = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "warning"
        template = "blocks/callout_block.html"
        description = _("A highlighted box for a key point")
        preview_value = {
            "tone": "tip",
            "title": "Make it stick",
            "text": "<p>Plan one supervision session this week around the case you presented.</p>",
        }


class EmbedWithCaptionBlock(blocks.StructBlock):
    embed = EmbedBlock(label=_("Video or media URL"), max_width=800)
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "media"
        template = "blocks/embed_block.html"
        description = _("A video or other media from a URL (YouTube, Vimeo, ...)")


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Link text"), required=False, max_length=200, help_text=_("Defaults to its title")
    )

    class Meta:
        icon = "doc-full"
        template = "blocks/document_block.html"
        description = _("A download link that shows the file's type and size")


class BaseStreamBlock(blocks.StreamBlock):
    """The body blocks every content page offers."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        icon="pilcrow",
        template="blocks/paragraph_block.html",
        description=_("Formatted text"),
        preview_value="<p>Between workshops, teams try one change and report back.</p>",
    )
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    callout = CalloutBlock()
    embed = EmbedWithCaptionBlock()
    document = DocumentBlock()


class FeaturedPagesBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=150)
    pages = blocks.ListBlock(blocks.PageChooserBlock(), label=_("Pages"), max_num=6)

    class Meta:
        icon = "list-ul"
        template = "blocks/featured_pages_block.html"
        description = _("Cards linking to up to six pages, such as courses or resources")


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=150)
    text = blocks.TextBlock(label=_("Text"), required=False, max_length=500)
    page = blocks.PageChooserBlock(label=_("Link to"))
    button_text = blocks.CharBlock(label=_("Button text"), max_length=60)

    class Meta:
        icon = "pick"
        template = "blocks/call_to_action_block.html"
        description = _("A short pitch with one button")


class HomeStreamBlock(BaseStreamBlock):
    featured_pages = FeaturedPagesBlock()
    call_to_action = CallToActionBlock()
