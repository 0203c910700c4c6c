"""Demo translations: the home page, the demo course and its first module in Arabic, as
an editor makes them with “Translate” in the admin, the thematic areas in Arabic, Farsi
and Urdu, and an Arabic-speaking participant in the forum. Runs after every app's own
demo content."""

from wagtail.models import Locale

from core.demo import demo_user
from courses.demo import COURSE_SLUG
from courses.models import CourseIndexPage, CoursePage, ModulePage, Theme
from forums.models import Topic
from forums.posting import reply
from home.models import HomePage, Person

ARABIC_HOME = {
    "title": "معاً لتوسيع رعاية الصحة النفسية المجتمعية",
    "hero_text": "تعاون تعلّمي لمدة اثني عشر شهراً لفرق الرعاية الصحية الأولية.",
    "hero_cta_text": "تصفّح الدورات",
    "intro": "<p>تتعلّم فرق من ستة بلدان معاً كيف تُدخل المساعدة النفسية إلى الرعاية "
    "الأولية: ورش عمل حيّة، ووحدات قصيرة عبر الإنترنت بينها، ومنتدى لتبادل ما يعيق العمل "
    "وما ينجح.</p>",
}
ARABIC_INDEX = {"title": "الدورات"}
ARABIC_COURSE = {
    "title": "توسيع برنامج مجتمعي للصحة النفسية",
    "intro": "تعاون لمدة اثني عشر شهراً لفرق الرعاية الأولية التي تريد تقديم المساعدة "
    "النفسية عبر مرشدين غير متخصصين مدرَّبين.",
    "description": [
        (
            "paragraph",
            "<p>تلتقي فرق من باكستان ومصر وإيران والأردن والمملكة المتحدة والولايات "
            "المتحدة في ورشتَي عمل ومكالمات فصلية، وتعمل على ست وحدات قصيرة بينها.</p>",
        ),
        ("heading", {"text": "من ينبغي أن ينضم", "size": "h2"}),
        (
            "paragraph",
            "<p>فريق أساسي من قائد أول ومشرف ومن اثنين إلى أربعة أطباء أو مرشدين من "
            "الخدمة نفسها.</p>",
        ),
    ],
}
ARABIC_MODULE = {
    "title": "ما معنى تقاسم المهام",
    "summary": "لماذا يستطيع غير المتخصصين المدرَّبون تقديم مساعدة نفسية فعّالة، "
    "وماذا يفعل المتخصصون بدلاً من ذلك.",
    "learning_objectives": "شرح تقاسم المهام في جملة واحدة\n"
    "تسمية ثلاثة أدوار يمكن أن يؤديها المرشد",
    "body": [
        ("heading", {"text": "الفكرة في سطرين", "size": "h2"}),
        (
            "paragraph",
            "<p>في تقاسم المهام، يقدّم عاملون صحيون غير متخصصين ومدرَّبون علاجات نفسية "
            "بسيطة، بينما يدرّبهم المتخصصون ويشرفون عليهم ويتولّون الحالات المعقّدة.</p>",
        ),
        (
            "callout",
            {
                "tone": "tip",
                "title": "جرّبه هذا الأسبوع",
                "text": "<p>اكتب ثلاث مهام في عيادتك يمكن أن يتولاها مرشد مدرَّب.</p>",
            },
        ),
    ],
}
# Thematic areas by slug, per language; Urdu has no translation of the third yet, so
# Urdu pages show it in English (marked as such).
THEME_NAMES = {
    "ar": {
        "contextual-adaptation": "التكييف مع السياق",
        "policy-engagement": "إشراك صانعي السياسات",
        "implementation-science": "علم التنفيذ",
    },
    "fa": {
        "contextual-adaptation": "انطباق با زمینه",
        "policy-engagement": "مشارکت سیاست‌گذاران",
        "implementation-science": "علم اجرا",
    },
    "ur": {
        "contextual-adaptation": "مقامی حالات کے مطابق ڈھالنا",
        "policy-engagement": "پالیسی سازوں کی شمولیت",
    },
}
# People's job titles by name, per language (names stay as the people write them).
JOB_TITLES = {
    "ar": {
        "Dr Samira Haddad": "مسؤولة سريرية",
        "Dr Farhan Qureshi": "باحث في التنفيذ",
        "Dr Laleh Karimi": "نائبة مدير سابقة، الصحة النفسية",
    },
    "fa": {"Dr Laleh Karimi": "معاون پیشین مدیر، سلامت روان"},
    "ur": {"Dr Farhan Qureshi": "نفاذ کے محقق"},
}
FORUM_TOPIC = "Getting supervisors to protect time for supervision"
ARABIC_PARTICIPANT = ("salma", "سلمى حداد", "Irbid Health Directorate", "Jordan")
ARABIC_REPLY = (
    "في إربد واجهنا المشكلة نفسها. **اتفقنا مع مدير المركز** على أن تكون ساعة الإشراف "
    "جزءاً من جدول العيادة، فصارت تُحتسب كوقت علاج."
)


def translate(page, locale, fields):
    """The page's translation into `locale`, made once (parents copied as needed)."""
    existing = page.get_translation_or_none(locale)
    if existing:
        return existing.specific
    copy = page.copy_for_translation(locale, copy_parents=True).specific
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save_revision().publish()
    return copy


def arabic_participant():
    username, display_name, organisation, country = ARABIC_PARTICIPANT
    user, _created = demo_user(
        username,
        display_name=display_name,
        organisation=organisation,
        country=country,
        preferred_language="ar",
    )
    return user


def translate_snippets(model, texts, key, field):
    """Copy each English snippet named in `texts` ({language: {key: text}}) into that
    language with `field` translated, as "Translate" in the admin does."""
    for language, values in texts.items():
        locale = Locale.objects.get(language_code=language)
        originals = model.objects.filter(locale=Locale.get_default(), **{f"{key}__in": values})
        for original in originals:
            if not original.has_translation(locale):
                translation = original.copy_for_translation(locale)
                setattr(translation, field, values[getattr(original, key)])
                translation.save()


def load(scale, stdout):
    translate_snippets(Theme, THEME_NAMES, "slug", "name")
    translate_snippets(Person, JOB_TITLES, "name", "job_title")
    arabic = Locale.objects.get(language_code="ar")
    home = HomePage.objects.filter(locale__language_code="en").first()
    course = CoursePage.objects.filter(slug=COURSE_SLUG, locale__language_code="en").first()
    if not home or not course:
        return
    translate(home, arabic, ARABIC_HOME)
    translate(CourseIndexPage.objects.parent_of(course).get(), arabic, ARABIC_INDEX)
    translate(course, arabic, ARABIC_COURSE)
    module = ModulePage.objects.child_of(course).order_by("path").first()
    if module:
        translate(module, arabic, ARABIC_MODULE)
    topic = Topic.objects.filter(
        title="Getting supervisors to protect time for supervision"
    ).first()
    author = arabic_participant()
    if topic and not topic.posts.filter(author=author).exists():
        reply(topic, author, ARABIC_REPLY)
