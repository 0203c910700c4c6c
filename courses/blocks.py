"""StreamField blocks of modules, workshop agendas and follow-up pages.

Module bodies reuse the site's shared blocks (home/blocks.py) and add the learning
activities only courses need.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from core.blocks import RICH_TEXT_FEATURES, BaseStreamBlock
from courses.choices import AgendaItemKind


class ReflectionPromptBlock(blocks.StructBlock):
    prompt = blocks.TextBlock(label=_("Question"), max_length=500)
    hint = blocks.CharBlock(label=_("Hint"), required=False, max_length=250)

    class Meta:
        icon = "help"
        template = "courses/blocks/reflection_prompt_block.html"
        description = _("A question for the learner to think about or write down")
        preview_value = {
            "prompt": "Which task in your service could a trained lay counsellor take on?",
            "hint": "Think of one concrete case from last month.",
        }


class ActivityBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=150)
    minutes = blocks.IntegerBlock(label=_("Minutes"), required=False, min_value=1, max_value=600)
    instructions = blocks.RichTextBlock(label=_("Instructions"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "tasks"
        template = "courses/blocks/activity_block.html"
        description = _("A task with step-by-step instructions")
        preview_value = {
            "title": "Map your referral pathway",
            "minutes": 30,
            "instructions": "<ol><li>Draw who refers to whom.</li><li>Mark the gaps.</li></ol>",
        }


class LibraryResourceBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(page_type="library.ResourcePage", label=_("Library resource"))
    note = blocks.CharBlock(
        label=_("Why read it"), required=False, max_length=250, help_text=_("One line")
    )

    class Meta:
        icon = "link"
        template = "courses/blocks/library_resource_block.html"
        description = _("A link to a page of the resource library")


class ModuleStreamBlock(BaseStreamBlock):
    reflection = ReflectionPromptBlock()
    activity = ActivityBlock()
    library_resource = LibraryResourceBlock()


# The agenda nests StreamBlocks rather than ListBlocks: their values compare by content,
# which the demo's "second run changes nothing" check relies on.
class AgendaItemBlock(blocks.StructBlock):
    starts = blocks.TimeBlock(label=_("Starts"))
    ends = blocks.TimeBlock(label=_("Ends"), required=False)
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    kind = blocks.ChoiceBlock(choices=AgendaItemKind.choices, label=_("Kind"))
    facilitators = blocks.StreamBlock(
        [("person", SnippetChooserBlock("home.Person", label=_("Person")))],
        label=_("Facilitators"),
        required=False,
    )
    description = blocks.TextBlock(label=_("Description"), required=False, max_length=1000)

    class Meta:
        icon = "time"
        label = _("Agenda item")


class AgendaDayBlock(blocks.StructBlock):
    date = blocks.DateBlock(label=_("Date"))
    title = blocks.CharBlock(
        label=_("Theme of the day"), required=False, max_length=150, help_text=_("Optional")
    )
    items = blocks.StreamBlock([("item", AgendaItemBlock())], label=_("Items"))

    class Meta:
        icon = "date"
        template = "courses/blocks/agenda_day_block.html"
        description = _("One day of the workshop with its timed items, in the venue's time zone")


class AgendaStreamBlock(blocks.StreamBlock):
    day = AgendaDayBlock()


class ActionItemBlock(blocks.StructBlock):
    action = blocks.CharBlock(label=_("Action"), max_length=250)
    who = blocks.CharBlock(label=_("Who"), required=False, max_length=100)
    by_when = blocks.CharBlock(
        label=_("By when"), required=False, max_length=100, help_text=_("For example “Week 3”")
    )

    class Meta:
        icon = "tick"
        template = "courses/blocks/action_item_block.html"
        description = _("Something teams agreed to do before the next session")
        preview_value = {
            "action": "Run one peer-supervision session",
            "who": "Clinical supervisor",
            "by_when": "Before the next call",
        }


class ActionItemsStreamBlock(blocks.StreamBlock):
    action = ActionItemBlock()


class LibraryResourcesStreamBlock(blocks.StreamBlock):
    resource = LibraryResourceBlock()
