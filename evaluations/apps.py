from django.apps import AppConfig


class EvaluationsConfig(AppConfig):
    name = "evaluations"
    verbose_name = "Evaluations"

    def ready(self):
        from core.caching import bump_on_change
        from evaluations.answered import answers_scope
        from evaluations.models import EvaluationRespondent

        bump_on_change(
            EvaluationRespondent,
            lambda respondent: answers_scope(respondent.user_id),
            uid="evaluations-answered",
        )
