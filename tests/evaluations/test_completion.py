"""Completion (every live module, every day of every required workshop), set once, and
the certificate with its public verification link."""

from datetime import timedelta

import pytest
from django.utils import timezone

from attendance.models import Attendance
from courses.choices import EnrolmentStatus
from courses.models import Certificate, Enrolment, ModuleCompletion, ModulePage
from tests.courses.factories import make_course


def days(workshop):
    first = workshop.local_starts_at.date()
    return [first + timedelta(days=n) for n in range(3)]


def enrolment_of(user):
    return Enrolment.objects.get(user=user)


def complete_modules(user, modules):
    for module in modules:
        ModuleCompletion.objects.get_or_create(user=user, module=module)


def attend(client, facilitator, workshop, user, which):
    client.force_login(facilitator)
    marks = [f"{user.pk}:{days(workshop)[n].isoformat()}" for n in which]
    assert client.post(workshop.url + "attendance/", {"attended": marks}).status_code == 302


def test_modules_alone_do_not_complete_a_course_with_a_required_workshop(participant, modules):
    complete_modules(participant, modules)
    assert enrolment_of(participant).status == EnrolmentStatus.ACTIVE


def test_attending_every_day_after_the_modules_completes_the_course(
    client, participant, facilitator, modules, workshop
):
    complete_modules(participant, modules)
    attend(client, facilitator, workshop, participant, [0, 1])
    assert enrolment_of(participant).status == EnrolmentStatus.ACTIVE
    attend(client, facilitator, workshop, participant, [0, 1, 2])
    enrolment = enrolment_of(participant)
    assert enrolment.status == EnrolmentStatus.COMPLETED and enrolment.completed_at


def test_the_last_module_completes_a_participant_who_attended(
    client, participant, facilitator, modules, workshop
):
    attend(client, facilitator, workshop, participant, [0, 1, 2])
    complete_modules(participant, modules[:2])
    assert enrolment_of(participant).status == EnrolmentStatus.ACTIVE
    client.force_login(participant)
    course = workshop.get_course()
    client.post(course.url + "complete/", {"module": modules[2].pk})
    assert enrolment_of(participant).status == EnrolmentStatus.COMPLETED


def test_workshops_not_required_do_not_count(participant, modules, workshop):
    workshop.required = False
    workshop.save()
    complete_modules(participant, modules[:2])
    Attendance.objects.create(user=participant, workshop=workshop, day=days(workshop)[0])
    assert enrolment_of(participant).status == EnrolmentStatus.ACTIVE
    complete_modules(participant, modules[2:])
    assert enrolment_of(participant).status == EnrolmentStatus.COMPLETED


def test_completion_is_set_once(client, participant, facilitator, modules, workshop):
    complete_modules(participant, modules)
    attend(client, facilitator, workshop, participant, [0, 1, 2])
    first = enrolment_of(participant).completed_at
    attend(client, facilitator, workshop, participant, [0])
    attend(client, facilitator, workshop, participant, [0, 1, 2])
    ModuleCompletion.objects.filter(user=participant).delete()
    complete_modules(participant, modules)
    assert enrolment_of(participant).completed_at == first
    assert enrolment_of(participant).status == EnrolmentStatus.COMPLETED


def test_facilitators_and_withdrawn_participants_are_never_completed(
    facilitator, withdrawn, modules, workshop
):
    for user in (facilitator, withdrawn):
        complete_modules(user, modules)
        for day in days(workshop):
            Attendance.objects.create(user=user, workshop=workshop, day=day)
    assert not Enrolment.objects.filter(status=EnrolmentStatus.COMPLETED).exists()


@pytest.fixture
def completed(participant, modules, workshop):
    for minutes, module in zip((30, 45, 15), modules, strict=True):
        ModulePage.objects.filter(pk=module.pk).update(estimated_minutes=minutes)
    complete_modules(participant, modules)
    for day in days(workshop):
        Attendance.objects.create(user=participant, workshop=workshop, day=day)
    return participant


def test_certificate_shows_name_course_dates_facilitators_and_hours(client, course, completed):
    from courses.models import CoursePerson
    from home.models import Person

    CoursePerson.objects.create(page=course, person=Person.objects.create(name="Dr Laleh Karimi"))
    client.force_login(completed)
    response = client.get(course.url + "certificate/")
    assert response.status_code == 200
    html = response.content.decode()
    certificate = Certificate.objects.get()
    # 90 module minutes and three days of 09:00 to 17:00: 1.5 + 24 hours
    assert response.context["hours"] == 25.5
    for text in ("Bilal Learner", course.title, "Dr Laleh Karimi", certificate.code):
        assert text in html
    assert f"http://testserver/certificates/{certificate.code}/" in html
    assert len(certificate.code) >= 24
    client.get(course.url + "certificate/")
    assert Certificate.objects.count() == 1


def test_certificate_verification_works_signed_out(client, course, completed):
    client.force_login(completed)
    client.get(course.url + "certificate/")
    client.logout()
    code = Certificate.objects.get().code
    response = client.get(f"/certificates/{code}/")
    assert response.status_code == 200
    assert "This certificate is genuine" in response.content.decode()
    assert "Bilal Learner" in response.content.decode()


@pytest.mark.parametrize("code", ["made-up", "x" * 24, "a" * 300])
def test_made_up_codes_are_not_found(client, db, code):
    assert client.get(f"/certificates/{code}/").status_code == 404


def test_only_the_completed_participant_gets_a_certificate(
    client, course, participant, facilitator, stranger
):
    for user in (participant, facilitator, stranger):
        client.force_login(user)
        assert client.get(course.url + "certificate/").status_code == 403
    client.logout()
    assert client.get(course.url + "certificate/").status_code == 302
    assert not Certificate.objects.exists()


def test_certificate_of_a_course_that_does_not_exist_is_not_found(
    client, course_index, participant
):
    client.force_login(participant)
    assert client.get("/courses/no-such-course/certificate/").status_code == 404


def test_course_completion_queries_do_not_grow(course_index, django_assert_max_num_queries):
    from courses.completion import update_completions
    from tests.courses.factories import enrol
    from tests.factories import UserFactory

    small = make_course(course_index, slug="small", modules=3, workshops=1)
    large = make_course(course_index, slug="large", modules=30, workshops=6)
    for course in (small, large):
        users = [
            UserFactory(username=f"{course.slug}{n}") for n in range(5 if course is small else 40)
        ]
        for user in users:
            enrol(user, course)
        with django_assert_max_num_queries(7):
            update_completions(course, [user.pk for user in users])
    assert timezone.now()


def test_course_completed_is_announced_once(client, participant, facilitator, modules, workshop):
    from courses.completion import course_completed

    heard = []

    def receiver(sender, course, user_ids, **kwargs):
        heard.append((course.pk, user_ids))

    course_completed.connect(receiver)
    try:
        complete_modules(participant, modules)
        attend(client, facilitator, workshop, participant, [0, 1, 2])
        attend(client, facilitator, workshop, participant, [0, 1, 2])  # already complete
    finally:
        course_completed.disconnect(receiver)
    assert heard == [(workshop.get_course().pk, [participant.pk])]


def test_a_feature_adds_a_completion_criterion_through_the_hook(participant, modules, workshop):
    """With attendance's criterion answered “nobody”, the modules alone never complete."""
    from wagtail import hooks

    workshop.required = False
    workshop.save()
    with hooks.register_temporarily("course_completion_criteria", lambda course, ids: set()):
        complete_modules(participant, modules)
    assert enrolment_of(participant).status == EnrolmentStatus.ACTIVE
