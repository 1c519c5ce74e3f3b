"""What a fresh sandbox tenant already holds.

Lucca has no endpoint to list providers or categories: clients learn the ones in use from existing
trainings. So the seeded trainings reference seeded providers and categories, and the ids match the
spec's examples (provider 12, category 2) so the documented request works as-is.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Provider:
    id: int
    name: str
    website_href: str


@dataclass(frozen=True)
class Category:
    id: int
    name: str
    # Translations of the name, keyed like the spec's t9n object (Fr, En, Es, De, It, Nl, Pt).
    name_t9n: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class SeedTraining:
    id: int
    title: str
    subtitle: str
    description: str
    level: str
    is_certifying: bool
    is_mandatory: bool
    type: str
    provider_id: int | None
    category_id: int | None


PROVIDERS = (
    Provider(3, "Atelier Numérique", "https://atelier-numerique.example"),
    Provider(7, "SafeWork Academy", "https://safework-academy.example"),
    Provider(12, "L'Élan Français", "https://elan-francais.fr"),
)

CATEGORIES = (
    Category(1, "Management", {"Fr": "Management", "En": "Management", "Es": "Gestión"}),
    Category(2, "Languages", {"Fr": "Langues", "En": "Languages", "Es": "Idiomas"}),
    Category(5, "Health and safety", {"Fr": "Santé et sécurité", "En": "Health and safety"}),
)

# Ids start at 41 so the first training created gets 45, the id of the spec's example answer.
TRAININGS = (
    SeedTraining(
        41,
        "Business English for Meetings",
        "Lead and follow meetings in English with ease",
        "Practical sessions on vocabulary, phrasing and listening for international meetings.",
        "Middle",
        False,
        False,
        "External",
        12,
        2,
    ),
    SeedTraining(
        42,
        "Premiers secours au travail",
        "Sauveteur secouriste du travail (SST)",
        "Formation réglementaire : réagir face à un accident et alerter les secours.",
        "Beginner",
        True,
        True,
        "External",
        7,
        5,
    ),
    SeedTraining(
        43,
        "Giving Feedback That Helps",
        "A workshop for new managers",
        "Role plays and simple frameworks to give and receive feedback in one-to-ones.",
        "Beginner",
        False,
        False,
        "Internal",
        None,
        1,
    ),
    SeedTraining(
        44,
        "Spreadsheets for Managers",
        "Pivot tables, charts and dashboards",
        "Build the dashboards your team needs from raw exports, without macros.",
        "Expert",
        False,
        False,
        "External",
        3,
        1,
    ),
)
