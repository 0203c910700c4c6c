from django.db import models
from django.utils.translation import gettext_lazy as _


class SpokenLanguage(models.TextChoices):
    """Languages clinicians of the collaboratives work in (ISO 639-1 codes)."""

    ENGLISH = "en", _("English")
    ARABIC = "ar", _("Arabic")
    FARSI = "fa", _("Farsi")
    URDU = "ur", _("Urdu")
    PUNJABI = "pa", _("Punjabi")
    PASHTO = "ps", _("Pashto")
    SINDHI = "sd", _("Sindhi")
    KURDISH = "ku", _("Kurdish")
    DARI = "prs", _("Dari")
    TURKISH = "tr", _("Turkish")
    FRENCH = "fr", _("French")
    WELSH = "cy", _("Welsh")
