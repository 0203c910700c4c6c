"""Demo library: twenty resources of a community mental health collaborative.

`load(scale)` creates 20 × scale resources under one LibraryPage, only those missing, so
a second run changes nothing. Two are real text documents, so "Download" works.
"""

from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.models import Site

from library.choices import ResourceLanguage as Lang
from library.choices import ResourceType as Type
from library.models import LibraryPage, ResourcePage

LIBRARY_INTRO = (
    "Guides, toolkits, policy briefs and recordings that teams have found useful, "
    "tagged by theme. Search, or narrow the list by tag, type, year and language."
)

# title, type, language, year, authors, summary, url or document file name, tags
RESOURCES = [
    (
        "mhGAP Intervention Guide, version 2.0",
        Type.GUIDANCE,
        Lang.ENGLISH,
        2016,
        "World Health Organization",
        "The core clinical guide for non-specialist health workers: assessment and management "
        "of depression, psychosis, epilepsy, self-harm and substance use in primary care.",
        "https://www.who.int/publications/i/item/9789241549790",
        ["mhGAP", "primary care", "task-sharing"],
    ),
    (
        "دليل تدخلات برنامج رأب الفجوة في الصحة النفسية",
        Type.GUIDANCE,
        Lang.ARABIC,
        2017,
        "منظمة الصحة العالمية",
        "النسخة العربية من دليل التدخلات للعاملين الصحيين غير المتخصصين في الرعاية الأولية: "
        "الاكتئاب والذهان والصرع وإيذاء النفس.",
        "https://www.who.int/publications/i/item/9789241549790",
        ["mhGAP", "primary care", "Arabic"],
    ),
    (
        "Task-sharing toolkit for district mental health teams",
        Type.TOOLKIT,
        Lang.ENGLISH,
        2022,
        "Collaborative secretariat",
        "Job descriptions, a supervision rota and referral pathways that let lay counsellors "
        "and nurses take on brief psychological care, with a specialist one call away.",
        "task-sharing-toolkit.txt",
        ["task-sharing", "supervision", "implementation science"],
    ),
    (
        "Fidelity checklist for Problem Management Plus sessions",
        Type.TOOLKIT,
        Lang.ENGLISH,
        2021,
        "Dr Samira Haddad",
        "A one-page checklist supervisors fill in while listening to a recorded session: "
        "did the helper cover each step, and how well? Scores feed the monthly team review.",
        "pm-plus-fidelity-checklist.csv",
        ["fidelity", "supervision", "Problem Management Plus"],
    ),
    (
        "Adapting psychological interventions: a step-by-step framework",
        Type.PUBLICATION,
        Lang.ENGLISH,
        2019,
        "Heim E, Kohrt BA",
        "How to adapt language, examples and delivery of an evidence-based intervention to "
        "a new culture without losing the active ingredients.",
        "https://doi.org/10.1017/gmh.2019.17",
        ["adaptation", "implementation science"],
    ),
    (
        "Policy brief: integrating mental health into primary care in Pakistan",
        Type.GUIDANCE,
        Lang.ENGLISH,
        2023,
        "Rawalpindi District Health Office",
        "Four recommendations for provincial health departments, costed, drawn from two years "
        "of lady health worker delivery of the Thinking Healthy Programme.",
        "https://www.who.int/pakistan",
        ["policy brief", "primary care", "Pakistan"],
    ),
    (
        "موجز سياسات: الصحة النفسية في الرعاية الأولية في الأردن",
        Type.GUIDANCE,
        Lang.ARABIC,
        2023,
        "مركز عمّان للصحة النفسية المجتمعية",
        "توصيات لوزارة الصحة حول دمج خدمات الصحة النفسية في المراكز الصحية الشاملة، "
        "مبنية على تجربة ثلاث محافظات.",
        "https://www.moh.gov.jo",
        ["policy brief", "primary care", "Arabic", "Jordan"],
    ),
    (
        "Thinking Healthy Programme, peer-delivered: manual",
        Type.GUIDANCE,
        Lang.ENGLISH,
        2015,
        "World Health Organization",
        "Manual for peers delivering the cognitive-behavioural programme for perinatal "
        "depression, with session plans and pictures for low-literacy groups.",
        "https://www.who.int/publications/i/item/WHO-MSD-MER-15.1",
        ["perinatal", "task-sharing", "Pakistan"],
    ),
    (
        "Workshop 1 recording: what gets in the way of supervision",
        Type.RECORDING,
        Lang.ENGLISH,
        2024,
        "Collaborative secretariat",
        "Ninety minutes from the first workshop: five teams describe their supervision "
        "barriers and the small tests of change they chose.",
        "https://vimeo.com/",
        ["supervision", "workshop"],
    ),
    (
        "Measuring implementation outcomes: acceptability to sustainability",
        Type.ARTICLE,
        Lang.ENGLISH,
        2011,
        "Proctor E, Silmere H, Raghavan R, et al.",
        "The eight implementation outcomes and how to measure each one; the vocabulary this "
        "collaborative uses in its quarterly reports.",
        "https://doi.org/10.1007/s10488-010-0319-7",
        ["implementation science", "evaluation"],
    ),
    (
        "Poster: lay counsellors in Cairo primary care, year one",
        Type.POSTER,
        Lang.ENGLISH,
        2024,
        "Cairo team",
        "Referrals, sessions delivered, drop-out and PHQ-9 change in the first year, with "
        "what the team changed after month four.",
        "https://www.emro.who.int/",
        ["task-sharing", "evaluation", "Egypt"],
    ),
    (
        "Slides: engaging policy makers early",
        Type.PRESENTATION,
        Lang.ENGLISH,
        2024,
        "Tehran team",
        "How the Tehran team briefed the provincial health network before the pilot, and the "
        "one-page summary that opened the door.",
        "https://www.emro.who.int/countries/irn/",
        ["policy brief", "policy engagement", "Iran"],
    ),
    (
        "Funding proposal template for a scale-up phase",
        Type.FUNDING_PROPOSAL,
        Lang.ENGLISH,
        2022,
        "Collaborative secretariat",
        "A proposal outline with budget lines for supervision, training of trainers and "
        "routine data collection that funders in the region have accepted.",
        "https://www.mhinnovation.net/",
        ["funding", "scale-up"],
    ),
    (
        "Blog: what we learned adapting PM+ for Syrian refugees",
        Type.BLOG_POST,
        Lang.ENGLISH,
        2020,
        "Amman Centre for Community Mental Health",
        "Changing idioms of distress, shortening sessions, and training helpers from the "
        "community: a team reflects on a year of adaptation.",
        "https://www.mhinnovation.net/blog",
        ["adaptation", "Problem Management Plus", "refugees", "Jordan"],
    ),
    (
        "التكيّف الثقافي لبرنامج إدارة المشكلات بلس",
        Type.ARTICLE,
        Lang.ARABIC,
        2021,
        "فريق عمّان",
        "كيف غيّر الفريق الأمثلة واللغة وطول الجلسات ليناسب البرنامج اللاجئين السوريين "
        "دون أن يفقد عناصره الفعالة.",
        "https://www.mhinnovation.net/",
        ["adaptation", "Problem Management Plus", "Arabic"],
    ),
    (
        "Video: a supervision session, role-played",
        Type.VIDEO,
        Lang.ENGLISH,
        2023,
        "Dr Samira Haddad",
        "Twelve minutes showing case review, fidelity feedback and self-care in one group "
        "supervision session with three lay counsellors.",
        "https://www.youtube.com/",
        ["supervision", "fidelity"],
    ),
    (
        "Mental Health Innovation Network",
        Type.WEBSITE,
        Lang.ENGLISH,
        2024,
        "",
        "A community of practice with case studies of task-sharing and scale-up from low- and "
        "middle-income countries.",
        "https://www.mhinnovation.net/",
        ["task-sharing", "scale-up"],
    ),
    (
        "Scaling up psychological interventions: lessons from five countries",
        Type.PUBLICATION,
        Lang.ENGLISH,
        2022,
        "Collaborative steering group",
        "What helped and hindered scale-up in Pakistan, Egypt, Iran, Jordan and the UK: "
        "policy engagement, supervision capacity and data systems.",
        "https://www.who.int/teams/mental-health-and-substance-use",
        ["scale-up", "implementation science", "policy engagement"],
    ),
    (
        "Consolidated Framework for Implementation Research (CFIR) guide",
        Type.WEBSITE,
        Lang.ENGLISH,
        2022,
        "CFIR Research Team",
        "Constructs, interview guides and coding templates for understanding why an "
        "implementation works in one clinic and not the next.",
        "https://cfirguide.org/",
        ["implementation science", "evaluation"],
    ),
    (
        "Community engagement in mental health: a practical guide",
        Type.GUIDANCE,
        Lang.ENGLISH,
        2019,
        "UK Community Mental Health Collaborative",
        "Working with service users, families and faith leaders to design services people "
        "use: meeting formats, payment for lived experience, and feedback loops.",
        "https://www.england.nhs.uk/mental-health/",
        ["community engagement", "adaptation"],
    ),
]

DOCUMENT_TEXTS = {
    "task-sharing-toolkit.txt": (
        "Task-sharing toolkit for district mental health teams\n\n"
        "1. Roles: lay counsellor, nurse, supervising psychologist, district focal person.\n"
        "2. Weekly group supervision, 90 minutes; monthly case review with the psychiatrist.\n"
        "3. Referral: red flags (suicide risk, psychosis) go to the specialist the same day.\n"
    ),
    "pm-plus-fidelity-checklist.csv": (
        "step,covered (yes/no),quality (1-3),notes\n"
        "Managing stress,,,\nManaging problems,,,\nGet going keep doing,,,\n"
        "Strengthening social support,,,\nStaying well,,,\n"
    ),
}

# The demo documents take the title of the resource they belong to.
DOCUMENT_TITLES = {row[6]: row[0] for row in RESOURCES if row[6] in DOCUMENT_TEXTS}


def library_page():
    """The site's LibraryPage, created under the home page the first time."""
    library = LibraryPage.objects.first()
    if library:
        return library
    home = Site.objects.get(is_default_site=True).root_page
    return home.add_child(
        instance=LibraryPage(title="Resource library", slug="library", intro=LIBRARY_INTRO)
    )


def document(filename):
    Document = get_document_model()
    title = DOCUMENT_TITLES[filename]
    existing = Document.objects.filter(title=title).first()
    if existing:
        return existing
    doc = Document(title=title)
    content = DOCUMENT_TEXTS[filename].encode()
    doc.file.save(filename, ContentFile(content), save=False)
    doc.file_size = len(content)
    doc.save()
    return doc


def load(scale, stdout):
    library = library_page()
    existing = set(ResourcePage.objects.child_of(library).values_list("slug", flat=True))
    created = 0
    now = timezone.now()
    for copy in range(scale):
        for title, kind, language, year, authors, summary, link, tags in RESOURCES:
            slug = slugify(title, allow_unicode=True)[:80] + (f"-{copy + 1}" if copy else "")
            if slug in existing:
                continue
            resource = ResourcePage(
                title=title if not copy else f"{title} ({copy + 1})",
                slug=slug,
                resource_type=kind,
                language=language,
                year=year,
                authors_text=authors,
                summary=summary,
                first_published_at=now,
                last_published_at=now,
            )
            if link in DOCUMENT_TEXTS:
                resource.document = document(link)
            else:
                resource.external_url = link
            resource.tags.add(*tags)
            library.add_child(instance=resource)
            created += 1
    if created:
        stdout.write(f"Library: {created} resources added.")
