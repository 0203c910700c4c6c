"""Demo storyboards for the demo collaborative's first learning session: one per demo
team, in the teams' own words, each with a poster (an image, or a one-page PDF for
Manchester) made here so the demo needs no files; Karachi's is featured, and two carry
comments from the facilitator and another team. Created only when missing."""

import io

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw

from courses.demo import COURSE_SLUG
from courses.models import CoursePage, WorkshopPage
from improvement import storyboard_files
from improvement.storyboards import Storyboard, StoryboardComment
from teams.models import Team

# slug: (title, summary, what we tried, results, lessons, file kind)
STORYBOARDS = {
    "karachi": (
        "Screening at every household visit",
        "Lady Health Workers in two Karachi union councils now screen every adult they "
        "visit with the PHQ-9, read aloud in Urdu.",
        "Three PDSA cycles on the screening script: first with two workers for one week, "
        "then a shorter script, then the whole team with a pocket card.",
        "Screening rose from about 48% of eligible adults to over 80% within four months, "
        "and has stayed there.",
        "Read the questions aloud rather than hand over the form; a supervisor on the first "
        "visits builds confidence.",
        "png",
    ),
    "kasr-al-ainy": (
        "A screening desk at registration",
        "The primary care unit moved PHQ-9 screening from the doctor's room to the "
        "registration desk at Kasr Al Ainy.",
        "A nurse screened patients while they waited; we tested it on Sundays first, then "
        "every morning clinic.",
        "Screening went up month after month; follow-up at eight weeks is still patchy.",
        "Screening is the easy part: plan the follow-up calls before you scale up.",
        "png",
    ),
    "shiraz": (
        "Referral pathway from behvarz to the district team",
        "Community health workers (behvarz) in rural health houses refer adults who screen "
        "positive to the district mental health team.",
        "A paper referral slip and a weekly phone call between the behvarz and the "
        "psychologist; two cycles so far.",
        "Referrals are more complete, but the monthly numbers have not moved yet.",
        "Small numbers per health house make the chart slow to show change: we will pool villages.",
        "png",
    ),
    "irbid": (
        "Group supervision for lay counsellors",
        "The Irbid community mental health centre started fortnightly group supervision "
        "for its lay counsellors.",
        "One-hour groups with case discussion, tested first with four counsellors.",
        "Every counsellor attended at least one session a month in the last quarter.",
        "Protect the time in the rota first; otherwise clinic pressure wins.",
        "png",
    ),
    "manchester": (
        "Same-week first appointments",
        "Manchester Talking Therapies offered a first session within seven days of "
        "referral for adults with moderate depression.",
        "Two PDSA cycles: reserved slots in each therapist's diary, then a duty therapist "
        "for overflow.",
        "Patients starting treatment rose, with fewer people lost between referral and "
        "first session.",
        "Reserved slots alone were not enough; the duty rota made it stick.",
        "pdf",
    ),
}
COMMENTS = [
    (
        "karachi",
        "facilitator",
        "A clear ramp of cycles: please show the pocket card at the session.",
    ),
    ("karachi", "sarah.thompson", "We will try reading the PHQ-9 aloud on our phone assessments."),
    ("shiraz", "facilitator", "Pooling villages is a good idea; plot the district total too."),
]


def poster(title, team, kind):
    """A small poster with the storyboard's title, as PNG or one-page PDF bytes."""
    image = Image.new("RGB", (900, 600), "#f3f6f9")
    draw = ImageDraw.Draw(image)
    draw.rectangle([20, 20, 880, 580], outline="#1f4e79", width=6)
    draw.text((60, 80), team, fill="#1f4e79", font_size=36)
    draw.text((60, 160), title, fill="#222222", font_size=30)
    draw.text((60, 480), "Plan - Do - Study - Act", fill="#00695c", font_size=26)
    out = io.BytesIO()
    image.save(out, "PDF" if kind == "pdf" else "PNG")
    return out.getvalue()


def load(scale, stdout):
    course = CoursePage.objects.filter(slug=COURSE_SLUG).first()
    workshop = course and WorkshopPage.objects.child_of(course).order_by("starts_at").first()
    if workshop is None:
        return
    teams = {team.slug: team for team in Team.objects.filter(course=course, slug__in=STORYBOARDS)}
    done = set(Storyboard.objects.filter(workshop=workshop).values_list("team__slug", flat=True))
    made = 0
    for slug, (title, summary, tried, results, lessons, kind) in STORYBOARDS.items():
        team = teams.get(slug)
        if team is None or slug in done:
            continue
        leader = team.members.filter(user__isnull=False).select_related("user").first()
        user = leader and leader.user
        upload = SimpleUploadedFile(f"{slug}.{kind}", poster(title, team.name, kind))
        document, preview = storyboard_files.store(upload, title, user)
        Storyboard.objects.create(
            workshop=workshop,
            team=team,
            title=title,
            summary=summary,
            tried=tried,
            results=results,
            lessons=lessons,
            document=document,
            preview=preview,
            featured=slug == "karachi",
            uploaded_by=user,
        )
        made += 1
    if made:
        users = {
            u.username: u
            for u in get_user_model().objects.filter(username__in=[c[1] for c in COMMENTS])
        }
        boards = {
            b.team.slug: b
            for b in Storyboard.objects.filter(workshop=workshop).select_related("team")
        }
        StoryboardComment.objects.bulk_create(
            StoryboardComment(storyboard=boards[slug], author=users.get(name), body=body)
            for slug, name, body in COMMENTS
            if slug in boards and slug not in done
        )
    stdout.write(f"Storyboards: {made} new for {workshop.title}")
