"""On a 360 px phone no page of the demo scrolls sideways, in English and in Arabic,
even with a long unbroken word in a title; every table becomes stacked rows whose cells
show their column's name; chart labels stay readable (12 px or more); a failed form
opens with its error summary focused."""

from playwright.sync_api import expect
from wagtail.models import Page

from courses.models import ModulePage
from evaluations.models import EvaluationPage
from home.models import User
from tests.browser.conftest import browse_as
from tests.browser.test_accessibility import (
    COURSE,
    TEAM,
    WORKSHOP,
    by_viewer,
    course_topic,
    informational_call,
)

PHONE = {"width": 360, "height": 740}
LONG_WORD = "Community-mental-health-task-sharing-supervision-framework-for-districts"
OVERFLOW = "() => document.documentElement.scrollWidth - window.innerWidth"
LABEL_SIZE = """() => {
    const label = document.querySelector('.chart__label');
    return parseFloat(getComputedStyle(label).fontSize) * label.getScreenCTM().a;
}"""


def demo_paths():
    """Every live page of the demo below the root, by its address."""
    pages = Page.objects.live().filter(depth__gt=1).specific()
    return sorted({page.url for page in pages if page.url})


def sideways(viewer, paths):
    found = []
    for path in paths:
        response = viewer.goto(path)
        if response.status != 200:
            found.append(f"{path} answered {response.status}")
        elif (extra := viewer.evaluate(OVERFLOW)) > 0:
            found.append(f"{path} scrolls {extra} px sideways")
    return found


def test_no_page_of_the_demo_scrolls_sideways_on_a_phone(demo_site, new_context, signed_in_page):
    module = ModulePage.objects.live().filter(locale__language_code="en").first()
    ModulePage.objects.filter(pk=module.pk).update(title=f"{module.title} {LONG_WORD}")
    paths = demo_paths()
    paths += ["/forums/", "/dashboard/", "/accounts/login/", "/accounts/signup/"]
    arabic = [f"/ar{path}" for path in paths if not path.startswith(("/ar/", "/fa/", "/ur/"))]
    viewer = signed_in_page(User.objects.get(username="learner"))
    viewer.set_viewport_size(PHONE)
    found = sideways(viewer, paths + arabic)
    assert not found, "\n".join(found)


def test_chart_labels_stay_readable_on_a_phone(demo_site, signed_in_page):
    evaluation = EvaluationPage.objects.live().filter(locale__language_code="en").first()
    viewer = signed_in_page(User.objects.get(username="facilitator"))
    viewer.set_viewport_size(PHONE)
    assert viewer.goto(f"{evaluation.url}results/").status == 200
    assert viewer.evaluate(LABEL_SIZE) >= 12
    viewer.set_viewport_size({"width": 1280, "height": 800})
    chart, table = viewer.locator(".chart svg").first, viewer.locator(".chart__table").first
    assert table.bounding_box()["x"] > chart.bounding_box()["x"] + 200  # beside, not below


def test_a_failed_form_focuses_its_error_summary(page):
    page.set_viewport_size(PHONE)
    page.goto("/accounts/signup/")
    page.locator("form.form button[type=submit]").click()
    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()  # once the deferred script has run
    summary.locator("a").first.click()
    expect(page.locator("input:focus, select:focus, textarea:focus")).to_have_count(1)


# Every table of the page stacked, each cell's label shown before it, and the cell's
# content beside the label's column, not under it (a rect that starts in the first
# third of the cell, from its inline start).
STACKED_TABLE_PROBLEMS = """() => {
    const problems = [];
    for (const table of document.querySelectorAll('main table')) {
        if (!table.classList.contains('table--stack')) {
            problems.push(`a table is not stacked: ${table.className}`);
            continue;
        }
        for (const cell of table.querySelectorAll('tbody td')) {
            const label = cell.dataset.label;
            if (!label) {
                if (cell.colSpan < 2) problems.push(`a cell has no label: ${cell.textContent}`);
                continue;
            }
            if (getComputedStyle(cell, '::before').content !== JSON.stringify(label)) {
                problems.push(`the label "${label}" is not shown`);
            }
            const box = cell.getBoundingClientRect();
            const rtl = getComputedStyle(cell).direction === 'rtl';
            const range = document.createRange();
            range.selectNodeContents(cell);
            for (const rect of range.getClientRects()) {
                if (rect.width <= 1) continue;  // visually hidden labels of inputs
                const start = rtl ? box.right - rect.right : rect.left - box.left;
                if (start < box.width / 3) {
                    problems.push(`"${cell.textContent.trim()}" sits under its label "${label}"`);
                    break;
                }
            }
        }
    }
    return problems;
}"""
TABLE_PAGES = [
    ("/forums/", "learner"),
    ("/forums/barriers-and-solutions/", "learner"),
    (course_topic, "learner"),  # a closed poll's results
    ("/dashboard/", "learner"),
    (f"{COURSE}teams/", "facilitator"),
    (TEAM, "facilitator"),
    (f"{TEAM}data/baseline/", "learner"),
    (f"{COURSE}measures/", "facilitator"),
    (f"{COURSE}pdsa/", "facilitator"),
    (f"{COURSE}assessment/", "facilitator"),
    (f"{COURSE}prework/", "facilitator"),
    (f"{WORKSHOP}attendance/", "facilitator"),
    (f"{WORKSHOP}evaluation/results/", "facilitator"),
    (informational_call(0), "editor"),  # registrations and attendance
    (f"{COURSE}hours/", "facilitator"),
]


def test_tables_become_labelled_stacked_rows_on_a_phone(demo_site, new_context, live_server):
    context = new_context(viewport=PHONE)
    viewer = context.new_page()
    found = []
    for username, paths in by_viewer(TABLE_PAGES).items():
        browse_as(context, User.objects.get(username=username), live_server.url)
        for path in paths + [f"/ar{path}" for path in paths]:
            assert viewer.goto(path).status == 200, path
            if not viewer.locator("main table").count():
                found.append(f"{path} shows no table")
            if (extra := viewer.evaluate(OVERFLOW)) > 0:
                found.append(f"{path} scrolls {extra} px sideways")
            found += [f"{path}: {problem}" for problem in viewer.evaluate(STACKED_TABLE_PROBLEMS)]
    assert not found, "\n".join(found)
