"""A team's PDSA log: its members write cycles, the course's facilitators read and
comment, everyone else is told nothing, under every language prefix; each new cycle and
comment emails the people on the other side of the feedback loop; bad input saves
nothing; the log and a cycle's page cost a fixed number of queries."""

import datetime

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from wagtail.documents import get_document_model
from wagtail.models import Locale

from improvement.models import PdsaComment, PdsaCycle
from improvement.pdsa import ramps
from improvement.pdsa_choices import CycleDecision, CycleStatus
from tests.courses.conftest import make_course
from tests.error_summary import error_summary
from tests.improvement.conftest import make_measure
from tests.teams.conftest import join
from tests.teams.test_pages import count_queries

PREFIXES = ["", "/ar", "/fa", "/ur"]


@pytest.fixture
def languages(db):
    for code in ("ar", "fa", "ur"):
        Locale.objects.get_or_create(language_code=code)


def log_url(team, prefix=""):
    return f"{prefix}{team.course.url}teams/{team.slug}/pdsa/"


def cycle_url(cycle, prefix=""):
    return f"{log_url(cycle.team, prefix)}{cycle.pk}/"


def make_cycle(team, measures=(), **fields):
    cycle = PdsaCycle.objects.create(
        team=team,
        change_idea=fields.pop("change_idea", "PHQ-9 at intake"),
        objective=fields.pop("objective", "Screen every new adult"),
        start_date=fields.pop("start_date", datetime.date(2025, 3, 3)),
        **fields,
    )
    cycle.measures.set(measures)
    return cycle


def form_data(measure, **fields):
    data = {
        "change_idea": "Receptionist hands out the PHQ-9 at intake",
        "objective": "Find out whether screening at the front desk reaches every adult",
        "measures": [measure.pk],
        "plan_who": "Receptionist and one lay counsellor",
        "plan_what": "Hand every adult the PHQ-9 on arrival",
        "plan_when": "One week in March",
        "plan_where": "Main clinic",
        "prediction": "Screening rises from 50% to 70%",
        "start_date": "2025-03-03",
        "end_date": "2025-03-10",
        "status": CycleStatus.PLANNED,
        "decision": "",
    }
    data.update(fields)
    return data


def test_a_member_logs_a_cycle_and_the_facilitators_are_told(
    client, team, measure, participant, facilitator
):
    client.force_login(participant)
    assert client.get(log_url(team) + "new/").status_code == 200
    response = client.post(log_url(team) + "new/", form_data(measure))
    cycle = PdsaCycle.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(cycle_url(cycle))
    assert cycle.team == team and list(cycle.measures.all()) == [measure]
    assert cycle.created_by == participant
    [email] = mail.outbox
    assert email.to == [facilitator.email]
    assert "Receptionist hands out the PHQ-9 at intake" in email.subject
    assert cycle_url(cycle) in email.body
    html = client.get(cycle_url(cycle)).content.decode()
    assert "Screening rises from 50% to 70%" in html and "Edit this cycle" in html


def test_facilitator_emails_are_in_each_readers_language(
    client, team, measure, participant, facilitator
):
    facilitator.preferred_language = "ar"
    facilitator.save()
    client.force_login(participant)
    client.post(log_url(team) + "new/", form_data(measure))
    [email] = mail.outbox
    assert email.body.startswith("مرحبًا Samira Facilitator")  # "Dear …," in Arabic


def test_facilitators_read_and_comment_but_do_not_write(
    client, team, measure, participant, facilitator
):
    cycle = make_cycle(team, [measure])
    client.force_login(facilitator)
    assert client.get(log_url(team)).status_code == 200
    assert "Log a new cycle" not in client.get(log_url(team)).content.decode()
    refused = client.post(log_url(team) + "new/", form_data(measure))
    assert refused.status_code == 403 and "Only the team" in refused.content.decode()
    assert client.post(cycle_url(cycle) + "edit/", form_data(measure)).status_code == 403
    response = client.post(cycle_url(cycle), {"body": "Good prediction. What about walk-ins?"})
    assert response.status_code == 302
    comment = PdsaComment.objects.get()
    assert comment.author == facilitator and comment.cycle == cycle
    [email] = mail.outbox
    assert email.to == [participant.email] and "walk-ins" in email.body
    assert "walk-ins" in client.get(cycle_url(cycle)).content.decode()


def test_a_members_comment_is_not_emailed_back_to_them(client, team, measure, participant):
    cycle = make_cycle(team, [measure])
    client.force_login(participant)
    assert client.post(cycle_url(cycle), {"body": "We will try walk-ins too."}).status_code == 302
    assert PdsaComment.objects.count() == 1 and mail.outbox == []


@pytest.mark.parametrize("prefix", PREFIXES)
def test_only_the_team_and_the_facilitators_see_the_log(
    client, languages, team, other_team, measure, participant, stranger, editor, prefix
):
    cycle = make_cycle(team, [measure])
    client.force_login(participant)
    for url in (log_url(team, prefix), cycle_url(cycle, prefix), log_url(team, prefix) + "new/"):
        assert client.get(url).status_code == 200
    assert client.get(log_url(other_team, prefix)).status_code == 404
    colleague = other_team.members.get().user
    for someone in (colleague, stranger):
        client.force_login(someone)
        for url in (
            log_url(team, prefix),
            cycle_url(cycle, prefix),
            cycle_url(cycle, prefix) + "edit/",
        ):
            assert client.get(url).status_code == 404
        assert client.post(cycle_url(cycle, prefix), {"body": "Hello"}).status_code == 404
    assert PdsaComment.objects.count() == 0
    client.force_login(editor)
    assert client.get(cycle_url(cycle, prefix)).status_code == 200


def test_visitors_sign_in_and_a_cycle_of_another_team_is_404(client, team, other_team, participant):
    cycle = make_cycle(other_team)
    assert client.get(log_url(team)).status_code == 302
    client.force_login(participant)
    assert client.get(f"{log_url(team)}{cycle.pk}/").status_code == 404
    assert client.get(f"{log_url(team)}{cycle.pk}/edit/").status_code == 404


def test_bad_input_is_a_400_and_saves_nothing(
    client, team, other_team, measure, participant, course_index
):
    elsewhere = make_measure(make_course(course_index, slug="other-course"), name="Elsewhere")
    theirs = make_cycle(other_team)
    client.force_login(participant)
    cases = [
        ({"follows": theirs.pk}, "Select a valid choice"),
        ({"measures": [elsewhere.pk]}, "Select a valid choice"),
        ({"measures": []}, "This field is required"),
        ({"end_date": "2025-03-01"}, "ends on or after its start date"),
        ({"decision": CycleDecision.ADOPT}, "when the cycle is completed"),
        ({"start_date": "not a date"}, "Enter a valid date"),
        ({"change_idea": ""}, "This field is required"),
    ]
    for fields, message in cases:
        response = client.post(log_url(team) + "new/", form_data(measure, **fields))
        assert response.status_code == 400, fields
        assert message in response.content.decode(), fields
        assert message in error_summary(response), fields
    assert PdsaCycle.objects.filter(team=team).count() == 0
    assert mail.outbox == []


def test_an_empty_comment_is_a_400(client, team, measure, participant):
    cycle = make_cycle(team, [measure])
    client.force_login(participant)
    response = client.post(cycle_url(cycle), {"body": "  "})
    assert response.status_code == 400 and "Nothing was posted" in error_summary(response)
    assert PdsaComment.objects.count() == 0


def test_an_edit_cannot_make_a_cycle_follow_itself(client, team, measure, participant):
    cycle = make_cycle(team, [measure])
    client.force_login(participant)
    response = client.post(cycle_url(cycle) + "edit/", form_data(measure, follows=cycle.pk))
    assert response.status_code == 400
    cycle.refresh_from_db()
    assert cycle.follows is None and cycle.change_idea == "PHQ-9 at intake"


def test_an_edit_records_the_decision(client, team, measure, participant):
    cycle = make_cycle(team, [measure])
    client.force_login(participant)
    data = form_data(measure, status=CycleStatus.COMPLETED, decision=CycleDecision.ADAPT)
    assert client.post(cycle_url(cycle) + "edit/", data).status_code == 302
    cycle.refresh_from_db()
    assert cycle.decision == CycleDecision.ADAPT and mail.outbox == []  # only new cycles


def test_the_database_refuses_what_the_forms_refuse(team):
    cases = [
        {"end_date": datetime.date(2025, 1, 1)},
        {"decision": CycleDecision.ADOPT, "status": CycleStatus.RUNNING},
        {"decision": "maybe", "status": CycleStatus.COMPLETED},
    ]
    for fields in cases:
        with pytest.raises(IntegrityError), transaction.atomic():
            make_cycle(team, **fields)
    cycle = make_cycle(team)
    with pytest.raises(IntegrityError), transaction.atomic():
        PdsaCycle.objects.filter(pk=cycle.pk).update(follows=cycle)
    with pytest.raises(IntegrityError), transaction.atomic():
        PdsaComment.objects.create(cycle=cycle, body="")


def test_cycles_read_as_ramps_in_order(client, team, measure, participant):
    first = make_cycle(
        team, [measure], change_idea="Ask at intake", start_date=datetime.date(2025, 1, 6)
    )
    other = make_cycle(
        team, [measure], change_idea="Text reminders", start_date=datetime.date(2025, 2, 3)
    )
    second = make_cycle(
        team,
        [measure],
        change_idea="Ask at intake, in Urdu",
        follows=first,
        start_date=datetime.date(2025, 3, 3),
    )
    third = make_cycle(
        team,
        [measure],
        change_idea="All clinics",
        follows=second,
        start_date=datetime.date(2025, 4, 7),
    )
    chains = ramps(PdsaCycle.objects.filter(team=team).order_by("start_date"))
    assert [[(c.change_idea, depth) for c, depth in ramp] for ramp in chains] == [
        [("Ask at intake", 0), ("Ask at intake, in Urdu", 1), ("All clinics", 2)],
        [("Text reminders", 0)],
    ]
    client.force_login(participant)
    html = client.get(log_url(team)).content.decode()
    assert (
        html.index("Ask at intake, in Urdu")
        < html.index("All clinics")
        < html.index("Text reminders")
    )
    page = client.get(cycle_url(second)).content.decode()
    assert cycle_url(first) in page and cycle_url(third) in page and cycle_url(other) not in page


def test_the_team_page_links_to_the_log(client, team, participant):
    client.force_login(participant)
    html = client.get(f"{team.course.url}teams/{team.slug}/").content.decode()
    assert log_url(team) in html


def test_a_document_attached_to_a_cycle_is_for_the_team_and_facilitators(
    client, team, other_team, measure, participant, facilitator, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(participant)
    upload = SimpleUploadedFile("screening-log.csv", b"week,screened\n1,12\n", "text/csv")
    response = client.post(log_url(team) + "new/", {**form_data(measure), "attachment": upload})
    assert response.status_code == 302
    document = PdsaCycle.objects.get().documents.get()
    assert document.title == "screening-log.csv"
    assert client.get(document.url).status_code == 200
    client.force_login(facilitator)
    assert client.get(document.url).status_code == 200
    client.force_login(other_team.members.get().user)
    assert client.get(document.url).status_code == 404
    client.logout()
    assert client.get(document.url).status_code == 302


def test_an_upload_of_a_refused_type_saves_nothing(
    client, team, measure, participant, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(participant)
    upload = SimpleUploadedFile("run.exe", b"MZ", "application/octet-stream")
    response = client.post(log_url(team) + "new/", {**form_data(measure), "attachment": upload})
    assert response.status_code == 400 and "not allowed" in response.content.decode()
    assert not PdsaCycle.objects.exists() and not get_document_model().objects.exists()


def chain(team, measure, count):
    previous = None
    for n in range(count):
        previous = make_cycle(team, [measure], change_idea=f"Cycle {n}", follows=previous)
        PdsaComment.objects.create(cycle=previous, body=f"Comment {n}")


def test_the_log_and_a_cycle_cost_fixed_queries(client, team, measure, participant, course):
    extra = make_measure(course, name="Followed up")
    client.force_login(participant)
    chain(team, measure, 2)
    client.get(log_url(team))  # warm the site and locale caches
    small = count_queries(client, log_url(team))
    last = PdsaCycle.objects.order_by("-pk").first()
    small_cycle = count_queries(client, cycle_url(last))
    chain(team, extra, 12)
    for cycle in PdsaCycle.objects.all():
        cycle.measures.add(extra)
    assert count_queries(client, log_url(team)) == small
    last = PdsaCycle.objects.order_by("-pk").first()
    PdsaComment.objects.bulk_create(PdsaComment(cycle=last, body=f"More {n}") for n in range(10))
    assert count_queries(client, cycle_url(last)) == small_cycle


def test_a_member_of_two_teams_writes_in_each(client, team, other_team, measure, participant):
    join(other_team, participant, "clinician")
    client.force_login(participant)
    assert client.post(log_url(other_team) + "new/", form_data(measure)).status_code == 302
    assert PdsaCycle.objects.get().team == other_team


def test_a_cycle_follows_only_an_earlier_cycle_and_a_ramp_never_loops(
    client, team, measure, participant
):
    first = make_cycle(team, [measure], change_idea="First", start_date=datetime.date(2025, 1, 6))
    second = make_cycle(team, [measure], change_idea="Second", follows=first)
    client.force_login(participant)
    later = make_cycle(team, [measure], change_idea="Later", start_date=datetime.date(2025, 6, 2))
    response = client.post(log_url(team) + "new/", form_data(measure, follows=later.pk))
    assert response.status_code == 400 and "follows an earlier cycle" in response.content.decode()
    data = form_data(measure, follows=second.pk, start_date="2025-01-06", end_date="")
    assert client.post(cycle_url(first) + "edit/", data).status_code == 400
    first.refresh_from_db()
    assert first.follows is None and PdsaCycle.objects.count() == 3
