from django.db import models
from django.utils.translation import gettext_lazy as _


class ResourceType(models.TextChoices):
    ARTICLE = "article", _("Article")
    BLOG_POST = "blog_post", _("Blog post")
    GUIDANCE = "guidance", _("Guidance document")
    TOOLKIT = "toolkit", _("Toolkit")
    FUNDING_PROPOSAL = "funding_proposal", _("Funding proposal")
    PUBLICATION = "publication", _("Publication")
    POSTER = "poster", _("Poster")
    PRESENTATION = "presentation", _("Presentation")
    RECORDING = "recording", _("Recording")
    VIDEO = "video", _("Video")
    WEBSITE = "website", _("Website")


class ResourceLanguage(models.TextChoices):
    """The language a resource is written in; independent of the interface language."""

    ENGLISH = "en", _("English")
    ARABIC = "ar", _("Arabic")
    PERSIAN = "fa", _("Persian")
    URDU = "ur", _("Urdu")
    FRENCH = "fr", _("French")
    SPANISH = "es", _("Spanish")
    PORTUGUESE = "pt", _("Portuguese")
    RUSSIAN = "ru", _("Russian")
    CHINESE = "zh", _("Chinese")
    HINDI = "hi", _("Hindi")
    BENGALI = "bn", _("Bengali")
    PASHTO = "ps", _("Pashto")
    DARI = "prs", _("Dari")
    KURDISH = "ku", _("Kurdish")
    TURKISH = "tr", _("Turkish")
    SOMALI = "so", _("Somali")
    SWAHILI = "sw", _("Swahili")
    AMHARIC = "am", _("Amharic")
    INDONESIAN = "id", _("Indonesian")
    GERMAN = "de", _("German")
    UKRAINIAN = "uk", _("Ukrainian")
    OTHER = "other", _("Other")


class SortOrder(models.TextChoices):
    NEWEST = "newest", _("Newest first")
    TITLE = "title", _("Title A–Z")
