"""What a fresh sandbox tenant already holds.

Lucca has no endpoint to list providers or categories: clients learn the ones in use from existing
trainings. So the seeded trainings reference seeded providers and categories, and the ids match the
spec's examples (provider 12, category 2) so the documented request works as-is.
"""

from dataclasses import dataclass, field
from typing import Any


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


_FILLER_LEVELS = ("Beginner", "Middle", "Expert")
_FILLER_REFERENCES = ((12, 2), (7, 5), (3, 1), (None, 1))  # (providerId, categoryId), as seeded


def filler_trainings(
    count: int, *, first: int = 1, prefix: str = "Catalog filler"
) -> list[dict[str, Any]]:
    """`count` distinct trainings as POST bodies, to make a catalog as big as a real one.

    Titles are "{prefix} {n:04}" for n from `first`, and no text holds a word a test might search
    for, so a training a test adds among them is the only match for its own title. Store them with
    the control API's POST /_sandbox/trainings (`SandboxServer.seed_trainings`).
    """
    trainings = []
    for n in range(first, first + count):
        provider_id, category_id = _FILLER_REFERENCES[n % len(_FILLER_REFERENCES)]
        training = {
            "title": f"{prefix} {n:04}",
            "subtitle": f"Filler subtitle {n}",
            "description": f"Filler description {n}: it makes the catalog long.",
            "level": _FILLER_LEVELS[n % len(_FILLER_LEVELS)],
            "isCertifying": n % 5 == 0,
            "isMandatory": n % 7 == 0,
            "type": "Internal" if n % 2 else "External",
            "providerId": provider_id,
            "categoryId": category_id,
        }
        trainings.append({k: v for k, v in training.items() if v is not None})
    return trainings
