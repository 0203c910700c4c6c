"""Anonymous answers stored before random ids (see `EvaluationAnswer`) still have
sequential ids that pair them with their respondent rows: give each a random negative
id. Every row is kept, only its id changes; nothing refers to an answer's id."""

import secrets

from django.db import migrations

# As core.ids.ANONYMOUS_PK_RANGE; migrations do not import the app's code.
ANONYMOUS_PK_RANGE = 2**53


def randomise_anonymous_ids(apps, schema_editor):
    answers = apps.get_model("evaluations", "EvaluationAnswer").objects
    anonymous = apps.get_model("evaluations", "EvaluationPage").objects.filter(anonymous=True)
    old = answers.filter(page__in=anonymous.values("pk"), pk__gt=0)
    old = list(old.values_list("pk", flat=True))
    taken = set(answers.filter(pk__lt=0).values_list("pk", flat=True))
    secrets.SystemRandom().shuffle(old)  # rewritten in random order, not the answering order
    for pk in old:
        new = -1 - secrets.randbelow(ANONYMOUS_PK_RANGE)
        while new in taken:
            new = -1 - secrets.randbelow(ANONYMOUS_PK_RANGE)
        taken.add(new)
        answers.filter(pk=pk).update(id=new)


class Migration(migrations.Migration):
    dependencies = [("evaluations", "0001_move_features_out")]

    operations = [migrations.RunPython(randomise_anonymous_ids, migrations.RunPython.noop)]
