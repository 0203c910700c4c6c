"""Demo content of the site itself: accounts, home page, about pages, footer.

Other apps add their own demo content through the `load_demo_content` hook; see
`home/management/commands/load_demo.py`.
"""

from django.contrib.auth.models import Group
from wagtail.models import Page, Site

from core.demo import demo_user
from home.models import HomePage, SiteSettings, SiteSettingsTranslation, StandardPage

DEMO_ACCOUNTS = [
    # username, display name, organisation, country, role
    ("admin", "Site administrator", "Collaborative secretariat", "United Kingdom", "superuser"),
    ("editor", "Hana Saleh", "Collaborative secretariat", "Jordan", "Editors"),
    ("facilitator", "Dr Samira Haddad", "Amman Centre for Community Mental Health", "Jordan", ""),
    ("learner", "Bilal Ahmed", "Rawalpindi District Health Office", "Pakistan", ""),
]

HOME_INTRO = (
    "<p>Teams from six countries are learning together how to bring psychological help "
    "into primary care: live workshops, short online modules in between, and a forum to "
    "share what gets in the way and what works.</p>"
)

ABOUT_BODY = [
    (
        "paragraph",
        "<p>A learning collaborative brings teams from several organisations together for "
        "nine to eighteen months to adopt one practice. Each team sends a senior leader, a "
        "supervisor and clinicians. Between workshops they try changes in their own "
        "services and report back.</p>",
    ),
    ("heading", {"text": "How the year runs", "size": "h2"}),
    (
        "paragraph",
        "<ul><li>Three workshops, in person or online, of three to four days</li>"
        "<li>Self-directed modules between workshops, each building on the last</li>"
        "<li>Monthly consultation calls and a quarterly online meeting</li>"
        "<li>A forum to share barriers and solutions</li></ul>",
    ),
    (
        "quote",
        {
            "text": "We stopped waiting for a specialist and started supervising each other.",
            "attribution": "Clinical supervisor, Cairo team",
        },
    ),
]


def create_accounts():
    editors = Group.objects.get(name="Editors")
    for username, display_name, organisation, country, role in DEMO_ACCOUNTS:
        user, created = demo_user(
            username,
            display_name=display_name,
            organisation=organisation,
            country=country,
            is_staff=role == "superuser",
            is_superuser=role == "superuser",
        )
        if created and role == "Editors":
            user.groups.add(editors)


def create_home_page():
    """Replace Wagtail's welcome page with the collaborative's home page, once."""
    home = HomePage.objects.first()
    if home:
        return home
    root = Page.get_first_root_node()
    Page.objects.filter(depth=2, content_type__model="page", slug="home").delete()
    home = root.add_child(
        instance=HomePage(
            title="Scaling up community mental health care, together",
            slug="home",
            hero_text="A 12-month learning collaborative for primary-care teams.",
            hero_cta_text="See the courses",
            intro=HOME_INTRO,
        )
    )
    site = Site.objects.filter(is_default_site=True).first()
    if site:
        site.root_page = home
        site.site_name = "Learning Collaborative"
        site.save()
    else:
        Site.objects.create(
            hostname="localhost",
            root_page=home,
            is_default_site=True,
            site_name="Learning Collaborative",
        )
    return home


def create_about_pages(home):
    if StandardPage.objects.filter(slug="about").exists():
        return
    about = home.add_child(
        instance=StandardPage(
            title="About the collaborative",
            slug="about",
            intro="Who we are, how the programme works, and what teams commit to.",
            body=ABOUT_BODY,
        )
    )
    about.add_child(
        instance=StandardPage(
            title="Our approach",
            slug="our-approach",
            intro="Adapt the practice to its context, engage policy makers early, measure.",
            body=[
                (
                    "paragraph",
                    "<p>We start from what a team already does well and adapt the practice "
                    "to its language, culture and health system, with fidelity checks so "
                    "the active ingredients survive the adaptation.</p>",
                )
            ],
        )
    )
    home.body = [
        (
            "call_to_action",
            {
                "title": "New to learning collaboratives?",
                "text": "Read how the year runs and what a team commits to.",
                "page": about,
                "button_text": "About the collaborative",
            },
        )
    ]
    home.save_revision().publish()


# The header and footer in each language; the Farsi and Urdu address is left to the
# English one, as a secretariat would until its letterhead is translated.
SITE_TEXTS = {
    "ar": {
        "site_name": "التعاونية التعلّمية",
        "footer_text": "تعاونية تعلّمية لرعاية الصحة النفسية المجتمعية.",
        "contact_address": "أمانة التعاونية\nعمّان، الأردن",
    },
    "fa": {
        "site_name": "همیاری یادگیری",
        "footer_text": "همیاری یادگیری برای مراقبت سلامت روان در جامعه.",
    },
    "ur": {
        "site_name": "لرننگ کولیبوریٹو",
        "footer_text": "کمیونٹی میں ذہنی صحت کی دیکھ بھال کے لیے ایک لرننگ کولیبوریٹو۔",
    },
}


def create_site_settings():
    site = Site.objects.get(is_default_site=True)
    SiteSettings.objects.get_or_create(
        site=site,
        defaults={
            "footer_text": "A learning collaborative for community mental health care.",
            "contact_email": "secretariat@example.org",
            "contact_address": "Collaborative secretariat\nAmman, Jordan",
        },
    )
    site_settings = SiteSettings.for_site(site)
    for language, texts in SITE_TEXTS.items():
        SiteSettingsTranslation.objects.get_or_create(
            settings=site_settings, language_code=language, defaults=texts
        )


def load(scale, stdout):
    create_accounts()
    home = create_home_page()
    create_about_pages(home)
    create_site_settings()
