from library.models.pages import LibraryPage, ResourcePage
from library.models.related import RelatedResource, ResourceAuthor, ResourcePageTag

__all__ = ["LibraryPage", "RelatedResource", "ResourceAuthor", "ResourcePage", "ResourcePageTag"]
