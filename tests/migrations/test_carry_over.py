"""A database made by the deployed schema migrates forward to the current one with no row
lost and every page type, permission and group intact.

Models moved between apps by state only keep their tables (`courses_evaluationpage` and
so on) and their content-type rows (only `app_label` changes), so every table of the
deployed apps must come out of the migration row for row as it went in, and every page,
permission and group must still resolve to a current model."""

import sys
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from django.apps import apps as current_apps
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import Page

# The migration nodes the production database is at.
DEPLOYED = {
    "home": "0006_user_receives_reminders",
    "courses": "0003_evaluations_applications_reminders",
    "forums": "0002_editors_moderate",
    "library": "0002_editors_manage_tags",
}
# Tables other migrations may add rows to (new permissions), but must not lose any from.
GROWING_TABLES = ("auth_permission", "auth_group_permissions")
# Tables outside the deployed apps whose rows point at models. django_content_type is read
# apart (content_type_rows), by id and model name: moving a model changes its app label.
SHARED_TABLES = [
    *GROWING_TABLES,
    "auth_group",
    "wagtailcore_page",
    "wagtailcore_grouppagepermission",
]
WHEN = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def project_apps(loader):
    """Labels of the project's own apps with migrations: their code is in the repository,
    not in the virtualenv (which sits inside the repository too)."""
    base, venv = Path(settings.BASE_DIR).resolve(), Path(sys.prefix).resolve()
    paths = {app.label: Path(app.path).resolve() for app in current_apps.get_app_configs()}
    return {
        label
        for label, path in paths.items()
        if label in loader.migrated_apps
        and path.is_relative_to(base)
        and not path.is_relative_to(venv)
    }


def migrate(executor, targets):
    executor.migrate(targets)
    executor.loader.build_graph()  # the loader's record of applied migrations is stale now


def snapshot(columns=None):
    """Every row of the deployed apps' tables and of the shared tables, read with raw SQL
    so that no model, old or new, has a say in what is there: ({table: rows}, {table:
    column names}). Given the columns of an earlier snapshot, only those are read, so a
    column added later (with its default) changes no row."""
    prefixes = tuple(f"{label}_" for label in DEPLOYED)
    tables = [t for t in connection.introspection.table_names() if t.startswith(prefixes)]
    rows, names = {}, {}
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table in tables + SHARED_TABLES:
            wanted = (columns or {}).get(table)
            select = ", ".join(quote(column) for column in wanted) if wanted else "*"
            cursor.execute(f"SELECT {select} FROM {quote(table)} ORDER BY 1")  # noqa: S608
            rows[table] = cursor.fetchall()
            names[table] = [column[0] for column in cursor.description]
    return rows, names


def content_type_rows():
    """django_content_type as {id: (app_label, model)}, independent of column order."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT id, app_label, model FROM django_content_type")
        return {row[0]: row[1:] for row in cursor.fetchall()}


def add_deployed_content_types(apps, unseen_apps):
    """Content types and default permissions as the deployed database has them: made by
    post_migrate for the deployed models, none for the apps it has never seen (the test
    database, migrated to the end, has them)."""
    apps.get_model("contenttypes", "ContentType").objects.filter(app_label__in=unseen_apps).delete()
    for label in DEPLOYED:
        app_config = apps.get_app_config(label)
        app_config.models_module = True  # historical app configs have none
        create_permissions(app_config, apps=apps, verbosity=0)


class Pages:
    """Adds pages with historical models, which have none of treebeard's or Wagtail's
    methods: the tree fields, content type, locale and titles are set by hand."""

    def __init__(self, apps):
        self.apps = apps
        self.pages = apps.get_model("wagtailcore", "Page").objects
        locales = apps.get_model("wagtailcore", "Locale").objects
        self.locale = locales.first() or locales.create(language_code="en")

    def site_root(self):
        """The test database's site root, or the tree's root (an earlier transactional
        test may have emptied the tables)."""
        site = self.apps.get_model("wagtailcore", "Site").objects.first()
        if site:
            return site.root_page
        return self.pages.filter(depth=1).first() or self.add(None, "wagtailcore.Page")

    def add(self, parent, model_name, **fields):
        model = self.apps.get_model(model_name)
        # Wagtail's page metaclass names each page class's template; FormMixin.__init__
        # reads it, and historical classes are made without that metaclass.
        model.template = f"{model._meta.app_label}/{model._meta.model_name}.html"
        content_type, _ = self.apps.get_model("contenttypes", "ContentType").objects.get_or_create(
            app_label=model._meta.app_label, model=model._meta.model_name
        )
        slug = model._meta.model_name
        tree = {"path": "0001", "depth": 1, "numchild": 0, "url_path": "/"}
        if parent is not None:
            siblings = self.pages.filter(path__startswith=parent.path, depth=parent.depth + 1)
            last = siblings.order_by("-path").values_list("path", flat=True).first()
            step = base36(int(last[-4:], 36) + 1 if last else 1).rjust(4, "0")
            tree.update(path=parent.path + step, depth=parent.depth + 1)
            tree.update(url_path=f"{parent.url_path}{slug}/")
            parent.numchild += 1
            self.pages.filter(pk=parent.pk).update(numchild=parent.numchild)
        title = f"Carried-over {model._meta.verbose_name}"
        page = {"title": title, "draft_title": title, "slug": slug, "live": True}
        page.update(content_type=content_type, locale=self.locale, translation_key=uuid.uuid4())
        return model.objects.create(**page, **tree, **fields)


def base36(number):
    """Treebeard's path alphabet."""
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    return digits[number] if number < 36 else base36(number // 36) + digits[number % 36]


def add_pages(apps):
    """Every page type of the courses app, moved and staying, in a course under the site
    root."""
    pages = Pages(apps)
    index = pages.add(pages.site_root(), "courses.CourseIndexPage")
    dates = {"start_date": date(2026, 3, 1), "end_date": date(2026, 6, 1)}
    course = pages.add(index, "courses.CoursePage", intro="Hi", **dates)
    times = {"starts_at": WHEN, "ends_at": WHEN + timedelta(days=1)}
    return {
        "course": course,
        "module": pages.add(course, "courses.ModulePage", summary="First module"),
        "workshop": pages.add(course, "courses.WorkshopPage", **times),
        "follow_up": pages.add(course, "courses.FollowUpPage"),
        "evaluation": pages.add(course, "courses.EvaluationPage", closes_at=WHEN + timedelta(30)),
    }


def add_course_rows(apps, course, module, workshop, follow_up, evaluation):
    """A row in every other table of the courses app, of moved models and staying ones,
    as the deployed code writes them."""
    objects = lambda name: apps.get_model(name).objects  # noqa: E731
    # A chosen zone is carried as it is; the old "UTC" default becomes "not chosen"
    # (tests/home/test_time_zones.py).
    user = objects("home.User").create(username="carried", password="!", time_zone="Asia/Karachi")
    theme = objects("courses.Theme").create(name="Task sharing", slug="task-sharing")
    type(course).themes.through.objects.create(coursepage=course, theme=theme)
    type(module).prerequisites.through.objects.create(from_modulepage=module, to_modulepage=module)
    type(workshop).prework.through.objects.create(workshoppage=workshop, modulepage=module)
    person = objects("home.Person").create(name="Fay Facilitator")
    objects("courses.CoursePerson").create(page=course, person=person)
    enrolment = objects("courses.Enrolment").create(user=user, course=course)
    objects("courses.Certificate").create(enrolment=enrolment, code="CARRIED")
    objects("courses.ModuleCompletion").create(user=user, module=module)
    objects("courses.CalendarFeed").create(user=user, token="carried-token")
    objects("courses.Attendance").create(user=user, workshop=workshop, day=WHEN.date())

    answers = {"organisation": "Clinic", "country": "Jordan", "practice": "CBT"}
    answers.update(readiness_explanation="Ready", ready_to_adopt=True)
    answers.update(will_submit_metrics=True, can_attend_all_sessions=True)
    application = objects("courses.Application").create(applicant=user, course=course, **answers)
    objects("courses.ApplicationStatusChange").create(
        application=application, from_status="submitted", to_status="accepted", changed_by=user
    )
    member = objects("courses.CoreTeamMember").create(
        application=application, name="Lead", email="lead@example.org", role="senior_leader"
    )
    objects("courses.Invitation").create(email=member.email, course=course, member=member)

    objects("courses.EvaluationField").create(
        page=evaluation, label="Useful?", clean_name="useful", field_type="agreement"
    )
    objects("courses.EvaluationAnswer").create(
        page=evaluation, user=user, role="participant", form_data={"useful": "5"}
    )
    objects("courses.EvaluationRespondent").create(page=evaluation, user=user)

    reminder = objects("courses.FollowUpReminder").create(
        page=follow_up, days_after=7, subject="Week one", message="How is it going?"
    )
    message = objects("courses.SessionMessage").create(
        course=course, follow_up=follow_up, send_at=WHEN, subject="Next", body="See you"
    )
    # Exactly one of reminder and message, by a check constraint.
    objects("courses.ReminderDelivery").create(course=course, user=user, reminder=reminder)
    objects("courses.ReminderDelivery").create(course=course, user=user, message=message)


def add_reviewers_group(apps, course):
    """A group with permissions on moved models and a page permission on the course;
    returns its id and its permission ids."""
    permissions = apps.get_model("auth.Permission").objects
    group = apps.get_model("auth.Group").objects.create(name="Carried-over reviewers")
    codenames = ["change_evaluationpage", "view_attendance", "change_application"]
    group.permissions.add(
        *permissions.filter(content_type__app_label="courses", codename__in=codenames)
    )
    change_page = permissions.get(content_type__app_label="wagtailcore", codename="change_page")
    apps.get_model("wagtailcore.GroupPagePermission").objects.create(
        group=group, page=course, permission=change_page
    )
    held = set(group.permissions.values_list("pk", flat=True))
    assert len(held) == 3, "the deployed database lacks permissions on the moved models"
    return group.pk, held


def assert_rows_kept(before, after):
    """The deployed apps' tables are all there with the same rows, pages unchanged;
    permissions and group memberships may be added to, but none lost or changed."""
    missing = sorted(set(before) - set(after))
    assert not missing, f"tables gone: {missing}"
    for table, rows in before.items():
        lost = [row for row in rows if row not in after[table]]
        assert not lost, f"{table}: rows lost or changed: {lost}"
        new = [row for row in after[table] if row not in rows]
        assert not new or table in GROWING_TABLES, f"{table}: new or changed rows: {new}"


def assert_content_types_resolve(before, project_labels):
    """Content types keep their ids and model names; one whose app label changed names
    the app that now defines the model, and every one of a project app names a model."""
    ContentType.objects.clear_cache()
    after = content_type_rows()
    for ct_id, (old_label, old_model) in before.items():
        where = f"django_content_type id {ct_id} ({old_label}.{old_model})"
        assert ct_id in after, f"{where} is gone"
        label, model_name = after[ct_id]
        assert model_name == old_model, f"{where} now names model {model_name}"
        if label == old_label and label not in project_labels:
            continue
        model = ContentType.objects.get_for_id(ct_id).model_class()
        assert model is not None, f"{where}, app label now {label!r}, names no model"
        assert model._meta.label_lower == f"{label}.{model_name}", where


def assert_pages_resolve(before, content_types):
    """Every page's content type names a current model of the same name, and the page's
    specific instance is of that model."""
    for page_id in sorted(row[0] for row in before):
        page = Page.objects.get(pk=page_id)
        old_model = content_types[page.content_type_id][1]
        model = ContentType.objects.get_for_id(page.content_type_id).model_class()
        where = f"wagtailcore_page id {page_id} ({page.title!r}, a {old_model})"
        assert model is not None, f"{where}: its content type names no model"
        assert model._meta.model_name == old_model, f"{where}: now a {model._meta.label}"
        assert isinstance(page.specific, model), f"{where}: specific is a {type(page.specific)}"


def assert_group_intact(group_id, held):
    """The group holds the same permissions, each on a current model, and its page
    permission."""
    group = Group.objects.get(pk=group_id)
    assert set(group.permissions.values_list("pk", flat=True)) == held, "group permissions"
    for permission in group.permissions.select_related("content_type"):
        assert permission.content_type.model_class(), f"permission {permission} names no model"
    assert group.page_permissions.count() == 1, "the group's page permission is gone"


@pytest.mark.django_db(transaction=True)
def test_deployed_database_migrates_forward_keeping_every_row():
    executor = MigrationExecutor(connection)
    labels = project_apps(executor.loader)
    assert set(DEPLOYED) <= labels, f"deployed apps missing from {labels}"
    old = [(label, DEPLOYED.get(label)) for label in sorted(labels)]  # newer apps at zero
    try:
        migrate(executor, old)
        third_party = [node for node in executor.loader.graph.leaf_nodes() if node[0] not in labels]
        old_apps = executor.loader.project_state([*DEPLOYED.items(), *third_party]).apps
        add_deployed_content_types(old_apps, labels - set(DEPLOYED))
        pages = add_pages(old_apps)
        add_course_rows(old_apps, **pages)
        group_id, held = add_reviewers_group(old_apps, pages["course"])
        (before, columns), content_types = snapshot(), content_type_rows()
        empty = sorted(t for t, rows in before.items() if t.startswith("courses_") and not rows)
        assert not empty, f"the test wrote no rows in {empty}"
    finally:
        migrate(executor, executor.loader.graph.leaf_nodes())  # later tests need the leaves
    after, _columns = snapshot(columns)

    assert_rows_kept(before, after)
    assert_content_types_resolve(content_types, labels)
    assert_pages_resolve(before["wagtailcore_page"], content_types)
    assert_group_intact(group_id, held)
