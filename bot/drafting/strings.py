"""Every text of Slack drafting, in English and French (apart from `bot.strings`: the form's own
texts stay there). Templates take named values with `str.format`; what a user or the model wrote
is escaped by the caller before it goes into mrkdwn."""

from __future__ import annotations

from dataclasses import dataclass

from bot.strings import ENGLISH, FRENCH

# What the model is told about the person's language (it writes the texts in the notes' language).
MODEL_LANGUAGE_NAMES = {ENGLISH: "English", FRENCH: "French"}


@dataclass(frozen=True)
class DraftingTexts:
    # The form.
    button: str
    hint: str
    loading_title: str  # a modal title: at most 24 characters
    loading: str  # {title} {seconds}
    need_input: str
    drafted: str  # {level}
    drafted_no_level: str
    level_kept: str  # {suggested} {chosen}
    cut: str  # {field} {length} {limit}
    kept_yours: str  # {field}
    failure: dict[str, str]  # DraftingError kind -> why, in the form or the thread
    field_names: dict[str, str]
    # A conversation.
    draft_intro: str
    labels: dict[str, str]  # title, subtitle, description, level -> label
    over_limit: str  # {field} {length} {limit}
    open_form: str  # a button: at most 75 characters
    nothing_created: str
    fallback: str  # {title}: the notification text of a draft message
    thread_failure: dict[str, str]  # DraftingError kind -> why, in a thread
    thread_unreadable: str
    draft_not_found: str
    form_not_opened: str  # {error}


_EN = DraftingTexts(
    button="Draft with AI",
    hint=(
        ":sparkles: Type a title and a few rough notes in the description, then press *Draft "
        "with AI*: it writes the subtitle and the description and suggests a level. You review "
        "everything before creating."
    ),
    loading_title="Drafting…",
    loading=(
        ":hourglass_flowing_sand: Writing a subtitle and a description for *{title}*… "
        "This can take up to {seconds} seconds. Your form then comes back with everything you "
        "typed."
    ),
    need_input=(
        "Type a title or a few notes in the description first: the draft is written from them."
    ),
    drafted=(
        ":sparkles: Drafted with AI from your notes: read the subtitle and the description before "
        "creating. Suggested level: *{level}*."
    ),
    drafted_no_level=(
        ":sparkles: Drafted with AI from your notes: read the subtitle and the description before "
        "creating."
    ),
    level_kept="The AI suggests *{suggested}*; your choice, *{chosen}*, is kept.",
    cut=(
        ":warning: The AI's {field} had {length} characters, over Lucca's {limit}: it was cut to "
        "fit. Check its end."
    ),
    kept_yours="The AI gave no {field}: yours is kept.",
    failure={
        "timeout": (
            ":warning: The AI did not answer in time. Your form is as you left it: try again."
        ),
        "unavailable": (
            ":warning: The AI is unavailable right now. Your form is as you left it: try again "
            "in a few minutes."
        ),
        "refused": (
            ":warning: The AI service refused the request: tell the person who runs this app "
            "that its LLM settings must be checked. Your form is as you left it."
        ),
        "unreadable": (
            ":warning: The AI's answer could not be used. Your form is as you left it: try again."
        ),
        "internal": (
            ":warning: Something went wrong in this app while drafting. Your form is as you left "
            "it."
        ),
    },
    field_names={"title": "title", "subtitle": "subtitle", "description": "description"},
    draft_intro="Here is a draft:",
    labels={
        "title": "Title",
        "subtitle": "Subtitle",
        "description": "Description",
        "level": "Suggested level",
    },
    over_limit=(
        ":warning: The {field} has {length} characters, over Lucca's {limit}: ask me to shorten "
        "it (the form keeps only the first {limit})."
    ),
    open_form="Open the form",
    nothing_created=(
        "Nothing is created until you submit the form. Tell me what to change, or open the form "
        "to review and create it."
    ),
    fallback="Draft: {title}",
    thread_failure={
        "timeout": "Sorry, the AI did not answer in time. Say it again in a moment.",
        "unavailable": "Sorry, the AI is unavailable right now. Try again in a few minutes.",
        "refused": (
            "Sorry, the AI service refused the request: tell the person who runs this app that "
            "its LLM settings must be checked."
        ),
        "unreadable": "Sorry, the AI's answer could not be used. Say it again, maybe differently.",
        "internal": "Sorry, something went wrong in this app while drafting.",
    },
    thread_unreadable="Sorry, I could not read this thread back from Slack. Try again in a moment.",
    draft_not_found=(
        "Sorry, I could not find this draft in the thread any more. Ask me for the draft again."
    ),
    form_not_opened="The form could not be opened (Slack said `{error}`). Press the button again.",
)

_FR = DraftingTexts(
    button="Rédiger avec l'IA",
    hint=(
        ":sparkles: Saisissez un titre et quelques notes dans la description, puis appuyez sur "
        "*Rédiger avec l'IA* : elle écrit le sous-titre et la description et propose un niveau. "
        "Vous relisez tout avant de créer."
    ),
    loading_title="Rédaction…",
    loading=(
        ":hourglass_flowing_sand: Rédaction d'un sous-titre et d'une description pour "
        "*{title}*… Cela peut prendre jusqu'à {seconds} secondes. Votre formulaire revient "
        "ensuite avec tout ce que vous avez saisi."
    ),
    need_input=(
        "Saisissez d'abord un titre ou quelques notes dans la description : la proposition part "
        "de là."
    ),
    drafted=(
        ":sparkles: Rédigé avec l'IA à partir de vos notes : relisez le sous-titre et la "
        "description avant de créer. Niveau proposé : *{level}*."
    ),
    drafted_no_level=(
        ":sparkles: Rédigé avec l'IA à partir de vos notes : relisez le sous-titre et la "
        "description avant de créer."
    ),
    level_kept="L'IA propose *{suggested}* ; votre choix, *{chosen}*, est conservé.",
    cut=(
        ":warning: Le {field} proposé par l'IA faisait {length} caractères, au-delà des {limit} "
        "de Lucca : il a été coupé. Vérifiez sa fin."
    ),
    kept_yours="L'IA n'a pas proposé de {field} : le vôtre est conservé.",
    failure={
        "timeout": (
            ":warning: L'IA n'a pas répondu à temps. Votre formulaire est tel que vous l'avez "
            "laissé : réessayez."
        ),
        "unavailable": (
            ":warning: L'IA est indisponible pour le moment. Votre formulaire est tel que vous "
            "l'avez laissé : réessayez dans quelques minutes."
        ),
        "refused": (
            ":warning: Le service d'IA a refusé la demande : signalez à la personne qui gère "
            "cette application que ses réglages LLM sont à vérifier. Votre formulaire est tel que "
            "vous l'avez laissé."
        ),
        "unreadable": (
            ":warning: La réponse de l'IA est inutilisable. Votre formulaire est tel que vous "
            "l'avez laissé : réessayez."
        ),
        "internal": (
            ":warning: Un problème est survenu dans cette application pendant la rédaction. "
            "Votre formulaire est tel que vous l'avez laissé."
        ),
    },
    field_names={"title": "titre", "subtitle": "sous-titre", "description": "description"},
    draft_intro="Voici une proposition :",
    labels={
        "title": "Titre",
        "subtitle": "Sous-titre",
        "description": "Description",
        "level": "Niveau proposé",
    },
    over_limit=(
        ":warning: Le champ {field} fait {length} caractères, au-delà des {limit} de Lucca : "
        "demandez-moi de le raccourcir (le formulaire n'en garde que les {limit} premiers)."
    ),
    open_form="Ouvrir le formulaire",
    nothing_created=(
        "Rien n'est créé tant que vous n'avez pas validé le formulaire. Dites-moi quoi changer, "
        "ou ouvrez le formulaire pour relire et créer."
    ),
    fallback="Proposition : {title}",
    thread_failure={
        "timeout": "Désolé, l'IA n'a pas répondu à temps. Redites-le dans un instant.",
        "unavailable": (
            "Désolé, l'IA est indisponible pour le moment. Réessayez dans quelques minutes."
        ),
        "refused": (
            "Désolé, le service d'IA a refusé la demande : signalez à la personne qui gère cette "
            "application que ses réglages LLM sont à vérifier."
        ),
        "unreadable": (
            "Désolé, la réponse de l'IA est inutilisable. Redites-le, autrement peut-être."
        ),
        "internal": "Désolé, un problème est survenu dans cette application pendant la rédaction.",
    },
    thread_unreadable=(
        "Désolé, je n'ai pas pu relire ce fil depuis Slack. Réessayez dans un instant."
    ),
    draft_not_found=(
        "Désolé, je ne retrouve plus cette proposition dans le fil. Redemandez-la-moi."
    ),
    form_not_opened=(
        "Le formulaire n'a pas pu s'ouvrir (Slack a répondu `{error}`). Appuyez de nouveau sur "
        "le bouton."
    ),
)

_BY_LANGUAGE = {ENGLISH: _EN, FRENCH: _FR}


def drafting_texts(language: str) -> DraftingTexts:
    return _BY_LANGUAGE.get(language, _EN)
