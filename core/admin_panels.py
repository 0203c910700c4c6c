"""Panels on the Wagtail admin's home page, for each app's `construct_homepage_panels`
hook: a heading, a sentence, and up to a few linked lines. An app adds one only when it
has something for this user."""

from wagtail.admin.ui.components import Component


class ListPanel(Component):
    template_name = "core/admin/list_panel.html"

    def __init__(self, name, heading, summary, rows, more_url=None, order=50):
        self.name = name
        self.heading = heading
        self.summary = summary
        self.rows = rows  # [(text, url)]
        self.more_url = more_url
        self.order = order

    def get_context_data(self, parent_context):
        return {"panel": self}
