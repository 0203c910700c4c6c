"""`make bench`'s growth table and large lists (bench/growth.py, bench/lists.py): each
list is made to its size (here small ones) once and answers its reader; the table says
whether the goal is met from what was measured."""

import pytest
from django.core.management import call_command

from attendance.models import Attendance
from bench import growth, lists, report
from bench.growth import Figure, Growth
from courses.models import Enrolment
from evaluations.models import EvaluationAnswer
from home.models import User


@pytest.fixture
def demo(db):
    call_command("load_demo", force=True)


def test_each_large_list_is_made_once_to_its_size_and_answers_its_reader(client, demo, monkeypatch):
    monkeypatch.setattr(lists, "ATTENDANCE", 30)
    monkeypatch.setattr(lists, "ANSWERS", 40)
    monkeypatch.setattr(lists, "ENROLMENTS", 120)
    monkeypatch.setattr("bench.collaborative.TEAMS", 7)
    monkeypatch.setattr("bench.roster.ENTRIES", 20)
    for _pass in range(2):
        made = [(ensure(), user) for ensure, user in lists.LARGE_LISTS]
    attendance, answers = made[0][0][1], made[1][0][1]
    assert Enrolment.objects.count() == 120
    answered = EvaluationAnswer.objects.filter(page__url_path__contains="workshop-1-amman")
    assert answered.count() == 40
    assert Attendance.objects.filter(user__username__startswith="bench-").exists()
    for (label, path), username in made:
        client.logout()
        if username:
            client.force_login(User.objects.get(username=username))
        assert client.get(path).status_code == 200, label
    client.force_login(User.objects.get(username="facilitator"))
    assert client.get(attendance).content.decode().count('name="attended"') > 30 * 2
    assert "<dd>40</dd>" in client.get(answers).content.decode()


def test_every_growth_page_answers_its_reader(client, demo):
    for label, path, username in growth.PAGES:
        client.force_login(User.objects.get(username=username))
        assert client.get(path or growth.topic_url()).status_code == 200, label


def test_the_growth_table_says_no_when_queries_grow_or_time_grows_past_the_goal():
    def pair(label, ms, queries, ms_large, queries_large):
        return (
            Figure(label, "/", "learner", ms, queries),
            Figure(label, "/", "learner", ms_large, queries_large),
        )

    pages = [pair("flat", 10, 8, 12, 8), pair("slow", 10, 8, 14, 8), pair("more", 10, 8, 10, 9)]
    lines = report.growth_lines(Growth(10, pages, []))
    assert [(line[0], line[-2], line[-1]) for line in lines[1:]] == [
        ("flat", "1.20", "yes"),
        ("slow", "1.40", "no"),
        ("more", "1.00", "no"),
    ]
    listed = report.list_lines(Growth(10, [], [Figure("roster", "/roster/", None, 250.0, 5)]))
    assert listed[1][-1] == "no"
