from .pages import HomePage, StandardPage
from .site_settings import SiteSettings
from .snippets import Person
from .users import User

__all__ = ["HomePage", "Person", "SiteSettings", "StandardPage", "User"]
