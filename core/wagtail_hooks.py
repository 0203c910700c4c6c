from wagtail import hooks

from core.documents import refuse_document


@hooks.register("before_serve_document")
def private_documents(document, request):
    return refuse_document(document, request)
