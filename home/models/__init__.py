from .pages import HomePage, StandardPage
from .site_settings import SiteSettings, SiteSettingsTranslation
from .snippets import Person
from .users import User

__all__ = ["HomePage", "Person", "SiteSettings", "SiteSettingsTranslation", "StandardPage", "User"]
