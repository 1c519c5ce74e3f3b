"""Every text the Slack face shows, in English and French, in one place.

`texts(language)` gives one `Texts`; templates take named values with `str.format`. Text that
comes from a user or from Lucca is escaped with `mrkdwn_escape` before it goes into a template
rendered as mrkdwn, so nobody can mention a channel or inject formatting through a title.
Block Kit limits apply in both languages (a modal title is at most 24 characters): a test checks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ENGLISH, FRENCH = "en", "fr"
LANGUAGES = (ENGLISH, FRENCH)


# Marks that make mrkdwn bold, italic, struck or code; mrkdwn has no escape for them, so a
# zero-width space after each keeps it from pairing with the next (it reads as typed).
_FORMATTING_MARK = re.compile(r"([*_~`])")


def mrkdwn_escape(text: str) -> str:
    """User or Lucca text, shown as typed: no mention (`<!channel>`, `<@U1>`), link or format."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _FORMATTING_MARK.sub("\\1\u200b", escaped)


def mrkdwn_unescape(text: str) -> str:
    """Slash command text arrives escaped; the form shows it as the user typed it."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


@dataclass(frozen=True)
class Texts:
    language: str
    # The form.
    modal_title: str
    submit: str
    cancel: str
    close: str
    title_label: str
    title_hint: str
    subtitle_label: str
    subtitle_hint: str
    description_label: str
    description_hint: str
    description_more_label: str
    description_more_hint: str
    level_label: str
    level_hint: str
    level_names: dict[str, tuple[str, str]]  # level -> (name, what it means)
    type_label: str
    type_hint: str
    type_placeholder: str
    type_names: dict[str, str]
    certifying_label: str
    certifying_hint: str
    mandatory_label: str
    mandatory_hint: str
    yes: str
    no: str
    provider_label: str
    provider_hint: str
    provider_placeholder: str
    provider_id_label: str
    provider_id_hint: str
    category_label: str
    category_hint: str
    category_placeholder: str
    category_id_label: str
    category_id_hint: str
    title_was_cut: str
    # Field errors shown under an input.
    required: str
    blank: str
    too_long: str  # {limit} {got}
    too_long_as_lucca_counts: str  # {limit} {got}
    not_a_number: str
    provider_conflict: str  # {picked}
    category_conflict: str  # {picked}
    lucca_field_note: str  # {message}
    # The views after submitting.
    creating: str  # {title}
    result_title: str
    created: str  # {id} {title}
    facts: dict[str, str]  # level, type, provider, category -> label
    status_label: str
    status_ready: str
    status_other: str  # {state}
    next_steps: str
    dm_created: str  # {id} {title}
    channel_note: str  # {id} {title}
    # When the catalog already had the training, or Lucca's answer was lost but it exists.
    already_there_title: str
    already_there: str  # {id} {title}
    recovered_note: str
    allow_duplicate_label: str
    allow_duplicate_option: str
    # Refusals and Slack-side problems.
    refused_title: str
    refused: str
    access_unknown: str
    trigger_expired: str
    modal_failed: str
    # Why a creation failed; the form comes back with these above it.
    failure: dict[str, str]  # error kind -> text; {seconds} {title} {said}
    lucca_said: str  # {said}
    retry_in_seconds: str  # {seconds}
    retry_in_a_minute: str
    dm_failed: str  # {title} {reason}
    typed_values: str


_EN = Texts(
    language=ENGLISH,
    modal_title="New training",
    submit="Create",
    cancel="Cancel",
    close="Close",
    title_label="Title",
    title_hint="Required. At most 250 characters.",
    subtitle_label="Subtitle",
    subtitle_hint="Required. A short summary, at most 1000 characters.",
    description_label="Description",
    description_hint=(
        "Required. Up to 6000 characters in all: Slack boxes hold 3000, so write the first 3000 "
        "here and go on in the next box."
    ),
    description_more_label="Description, continued",
    description_more_hint=(
        "Only for descriptions longer than 3000 characters. The text continues exactly where the "
        "first box stops: no space or line break is added between the two."
    ),
    level_label="Level",
    level_hint="Required: one of the three levels Lucca knows.",
    level_names={
        "Beginner": ("Beginner", "finding out about the subject"),
        "Middle": ("Middle", "deepening it"),
        "Expert": ("Expert", "becoming a specialist"),
    },
    type_label="Type",
    type_hint="Optional. Left empty, Lucca applies its default.",
    type_placeholder="Choose a type",
    type_names={
        "External": "External: run by an outside organization",
        "Internal": "Internal: run by employees",
    },
    certifying_label="Certifying?",
    certifying_hint="Required. Is it an accredited training (a diploma, title or certificate)?",
    mandatory_label="Mandatory?",
    mandatory_hint="Required. Is it mandatory by law (safety, for example)?",
    yes="Yes",
    no="No",
    provider_label="Provider",
    provider_hint="Optional. Type to search the providers already used in your catalog.",
    provider_placeholder="Search providers",
    provider_id_label="Or provider id",
    provider_id_hint="Optional. A provider's id in Lucca (a number), if it is not in the list.",
    category_label="Category",
    category_hint="Optional. Type to search the categories already used in your catalog.",
    category_placeholder="Search categories",
    category_id_label="Or category id",
    category_id_hint="Optional. A category's id in Lucca (a number), if it is not in the list.",
    title_was_cut=(
        "The text after the command was longer than 250 characters: the title keeps the first 250."
    ),
    required="Required.",
    blank="Must not be blank.",
    too_long="At most {limit} characters (this has {got}).",
    too_long_as_lucca_counts=(
        "At most {limit} characters as Lucca counts them (this has {got}: emoji and some rare "
        "characters count as 2)."
    ),
    not_a_number="Must be a number, like 12 (or leave it empty).",
    provider_conflict="Differs from the provider picked above (#{picked}): keep only one.",
    category_conflict="Differs from the category picked above (#{picked}): keep only one.",
    lucca_field_note=":warning: Lucca: {message}",
    creating=(
        ":hourglass_flowing_sand: Creating *{title}* in Lucca Training…\n\n"
        "You can close this window: the result will also come as a direct message from this app."
    ),
    result_title="Training created",
    created=":white_check_mark: Training *#{id}* *{title}* was created in Lucca Training.",
    facts={"level": "Level", "type": "Type", "provider": "Provider", "category": "Category"},
    status_label="Catalog status",
    status_ready=(
        "*Ready*: it can be used for new realized trainings, but it is *not in the public "
        "catalog* until an admin publishes it in Lucca Training."
    ),
    status_other="*{state}*",
    next_steps=(
        "*Next:* if people should find it in the catalog, ask a Lucca Training admin to publish "
        "it. Type `/training-create` to create another one."
    ),
    dm_created=(
        ":white_check_mark: Training *#{id}* *{title}* was created in Lucca Training. "
        "Catalog status: *Ready*, not in the public catalog until an admin publishes it."
    ),
    channel_note=(
        ":white_check_mark: You created training *#{id}* *{title}* in Lucca Training "
        "(Ready, not in the public catalog until an admin publishes it). "
        "The details are in your direct messages with this app."
    ),
    already_there_title="Already in Lucca",
    already_there=(
        ":information_source: Training *#{id}* *{title}* was already in Lucca Training with "
        "the same content, so nothing new was created."
    ),
    recovered_note=(
        "Lucca's answer was lost on the way, but the training is in the catalog: it was created "
        "once and not sent again."
    ),
    allow_duplicate_label="Same title as an existing training",
    allow_duplicate_option="Create it anyway, as a second training with this title",
    refused_title="Not allowed",
    refused=(
        "Sorry, creating trainings from Slack is limited to some people, and you are not one "
        "of them yet. Ask the person who set up the Lucca Training app in Slack to add you."
    ),
    access_unknown=(
        "Sorry, I could not check whether you may create trainings (Slack did not answer in "
        "time). Try again in a moment."
    ),
    trigger_expired="Slack took too long to open the form. Type `/training-create` again.",
    modal_failed=(
        "The form could not be opened (Slack said `{error}`). Try again; if it keeps failing, "
        "tell the person who runs this app."
    ),
    failure={
        "rejected": (
            ":warning: Lucca refused the training, so nothing was created. Fix what is marked "
            "below and submit again."
        ),
        "auth": (
            ":warning: Lucca refused this app's access, so nothing was created. Tell the person "
            "who runs this app that its Lucca API key must be checked; your form is kept here."
        ),
        "not_found": (
            ":warning: This app is not connected to a Lucca Training account (Lucca answered "
            "404), so nothing was created. Tell the person who runs this app to check its "
            "Lucca address."
        ),
        "rate_limited": (
            ":warning: Lucca is busy: the account's 50 requests a minute are used up. "
            "Nothing was created. {retry}"
        ),
        "unavailable": (
            ":warning: Lucca is unavailable right now; nothing was created. Submit again in a "
            "few minutes."
        ),
        "outcome_unknown": (
            ":warning: Lucca did not answer in time: the training *may or may not* have been "
            "created. Look for *{title}* in Lucca Training before submitting again, so that it "
            "is not created twice."
        ),
        "unexpected_answer": (
            ":warning: Lucca's answer could not be read. Look for *{title}* in Lucca Training "
            "before submitting again: it may have been created."
        ),
        "title_busy": (
            ":hourglass: *{title}* is being created from another place right now, or the app's "
            "store is not answering: nothing was sent to Lucca. Submit again in a moment."
        ),
        "duplicate_check_incomplete": (
            ":warning: The catalog could not be searched in full for *{title}*, so nothing was "
            "created: a training with that title may already be there. Look for it in Lucca "
            "Training; if it is not there, tick *Create it anyway* below and submit again."
        ),
        "duplicate": (
            ":warning: Lucca Training already has a training titled *{title}*: {existing}. "
            "Nothing was created. Change the title, or tick *Create it anyway* below and submit "
            "again if a second one is meant."
        ),
        "configuration": (
            ":warning: This app's Lucca settings are not usable, so nothing was sent. Tell the "
            "person who runs this app."
        ),
        "internal": (
            ":warning: Something went wrong in this app while creating the training: it may or "
            "may not have been created. Look for *{title}* in Lucca Training before submitting "
            "again."
        ),
    },
    lucca_said="Lucca said: {said}",
    retry_in_seconds="Submit again in {seconds} seconds.",
    retry_in_a_minute="Submit again in a minute.",
    dm_failed="The training *{title}* could not be created.\n{reason}",
    typed_values="What you typed, so that nothing is lost:",
)

_FR = Texts(
    language=FRENCH,
    modal_title="Nouvelle formation",
    submit="Créer",
    cancel="Annuler",
    close="Fermer",
    title_label="Titre",
    title_hint="Requis. 250 caractères au maximum.",
    subtitle_label="Sous-titre",
    subtitle_hint="Requis. Un court résumé, 1000 caractères au maximum.",
    description_label="Description",
    description_hint=(
        "Requise. Jusqu'à 6000 caractères en tout : une case Slack en contient 3000, écrivez "
        "donc les 3000 premiers ici et continuez dans la case suivante."
    ),
    description_more_label="Description (suite)",
    description_more_hint=(
        "Seulement pour une description de plus de 3000 caractères. Le texte reprend exactement "
        "où la première case s'arrête : aucun espace ni saut de ligne n'est ajouté entre les deux."
    ),
    level_label="Niveau",
    level_hint="Obligatoire : l'un des trois niveaux que connaît Lucca.",
    level_names={
        "Beginner": ("Débutant", "découvrir le sujet"),
        "Middle": ("Intermédiaire", "l'approfondir"),
        "Expert": ("Expert", "devenir spécialiste"),
    },
    type_label="Type",
    type_hint="Facultatif. Laissé vide, Lucca applique sa valeur par défaut.",
    type_placeholder="Choisir un type",
    type_names={
        "External": "Externe : animée par un organisme extérieur",
        "Internal": "Interne : animée par des collaborateurs",
    },
    certifying_label="Certifiante ?",
    certifying_hint="Requis. Mène-t-elle à un diplôme, un titre ou une certification ?",
    mandatory_label="Imposée par la loi ?",
    mandatory_hint="Requis. Est-elle obligatoire de par la loi (sécurité, par exemple) ?",
    yes="Oui",
    no="Non",
    provider_label="Organisme de formation",
    provider_hint="Facultatif. Tapez pour chercher parmi les organismes déjà utilisés.",
    provider_placeholder="Chercher un organisme",
    provider_id_label="Ou identifiant de l'organisme",
    provider_id_hint="Facultatif. L'identifiant Lucca d'un organisme (un nombre), s'il manque.",
    category_label="Catégorie",
    category_hint="Facultatif. Tapez pour chercher parmi les catégories déjà utilisées.",
    category_placeholder="Chercher une catégorie",
    category_id_label="Ou identifiant de la catégorie",
    category_id_hint="Facultatif. L'identifiant Lucca d'une catégorie (un nombre), s'il manque.",
    title_was_cut=(
        "Le texte après la commande dépassait 250 caractères : le titre en garde les 250 premiers."
    ),
    required="Ce champ est requis.",
    blank="Ne doit pas être vide.",
    too_long="{limit} caractères au maximum (ici {got}).",
    too_long_as_lucca_counts=(
        "{limit} caractères au maximum selon le décompte de Lucca (ici {got} : les emoji et "
        "certains caractères rares comptent double)."
    ),
    not_a_number="Doit être un nombre, comme 12 (ou laissez vide).",
    provider_conflict="Diffère de l'organisme choisi plus haut (n° {picked}) : gardez-en un seul.",
    category_conflict="Diffère de la catégorie choisie plus haut (n° {picked}) : gardez-en une.",
    lucca_field_note=":warning: Lucca : {message}",
    creating=(
        ":hourglass_flowing_sand: Création de *{title}* dans Lucca Training…\n\n"
        "Vous pouvez fermer cette fenêtre : le résultat vous sera aussi envoyé en message "
        "direct par cette application."
    ),
    result_title="Formation créée",
    created=":white_check_mark: La formation *n° {id}* *{title}* a été créée dans Lucca Training.",
    facts={
        "level": "Niveau",
        "type": "Type",
        "provider": "Organisme",
        "category": "Catégorie",
    },
    status_label="Statut dans le catalogue",
    status_ready=(
        "*Prête* (Ready) : elle peut servir pour de nouvelles formations réalisées, mais elle "
        "n'apparaît *pas dans le catalogue public* tant qu'un administrateur ne l'a pas publiée "
        "dans Lucca Training."
    ),
    status_other="*{state}*",
    next_steps=(
        "*Ensuite :* pour qu'elle soit visible dans le catalogue, demandez à un administrateur "
        "Lucca Training de la publier. Tapez `/training-create` pour en créer une autre."
    ),
    dm_created=(
        ":white_check_mark: La formation *n° {id}* *{title}* a été créée dans Lucca Training. "
        "Statut : *Prête* (Ready), absente du catalogue public tant qu'un administrateur ne "
        "l'a pas publiée."
    ),
    channel_note=(
        ":white_check_mark: Vous avez créé la formation *n° {id}* *{title}* dans Lucca Training "
        "(Prête, absente du catalogue public tant qu'un administrateur ne l'a pas publiée). "
        "Les détails sont dans vos messages directs avec cette application."
    ),
    already_there_title="Déjà dans Lucca",
    already_there=(
        ":information_source: La formation *#{id}* *{title}* était déjà dans Lucca Training "
        "avec le même contenu : rien de nouveau n'a été créé."
    ),
    recovered_note=(
        "La réponse de Lucca s'est perdue en route, mais la formation est dans le catalogue : "
        "elle a été créée une fois et n'a pas été renvoyée."
    ),
    allow_duplicate_label="Titre déjà utilisé",
    allow_duplicate_option="La créer quand même, en 2e formation avec ce titre",
    refused_title="Accès refusé",
    refused=(
        "Désolé, la création de formations depuis Slack est réservée à certaines personnes, "
        "et vous n'en faites pas encore partie. Demandez à la personne qui a installé "
        "l'application Lucca Training dans Slack de vous ajouter."
    ),
    access_unknown=(
        "Désolé, je n'ai pas pu vérifier si vous pouvez créer des formations (Slack n'a pas "
        "répondu à temps). Réessayez dans un instant."
    ),
    trigger_expired=(
        "Slack a mis trop de temps à ouvrir le formulaire. Tapez de nouveau `/training-create`."
    ),
    modal_failed=(
        "Le formulaire n'a pas pu s'ouvrir (Slack a répondu `{error}`). Réessayez ; si cela "
        "persiste, prévenez la personne qui gère cette application."
    ),
    failure={
        "rejected": (
            ":warning: Lucca a refusé la formation : rien n'a été créé. Corrigez ce qui est "
            "signalé ci-dessous et validez de nouveau."
        ),
        "auth": (
            ":warning: Lucca a refusé l'accès de cette application : rien n'a été créé. "
            "Prévenez la personne qui la gère : sa clé d'API Lucca doit être vérifiée. Votre "
            "formulaire est conservé ici."
        ),
        "not_found": (
            ":warning: Cette application n'est pas reliée à un compte Lucca Training (Lucca a "
            "répondu 404) : rien n'a été créé. Prévenez la personne qui la gère pour qu'elle "
            "vérifie l'adresse Lucca."
        ),
        "rate_limited": (
            ":warning: Lucca est saturé : les 50 requêtes par minute du compte sont épuisées. "
            "Rien n'a été créé. {retry}"
        ),
        "unavailable": (
            ":warning: Lucca est indisponible pour le moment : rien n'a été créé. Validez de "
            "nouveau dans quelques minutes."
        ),
        "outcome_unknown": (
            ":warning: Lucca n'a pas répondu à temps : la formation a *peut-être* été créée. "
            "Cherchez *{title}* dans Lucca Training avant de valider de nouveau, pour ne pas la "
            "créer deux fois."
        ),
        "unexpected_answer": (
            ":warning: La réponse de Lucca est illisible. Cherchez *{title}* dans Lucca Training "
            "avant de valider de nouveau : elle a peut-être été créée."
        ),
        "title_busy": (
            ":hourglass: *{title}* est en cours de création ailleurs, ou le stockage de "
            "l'application ne répond pas : rien n'a été envoyé à Lucca. Validez de nouveau dans "
            "un instant."
        ),
        "duplicate_check_incomplete": (
            ":warning: Le catalogue n'a pas pu être parcouru en entier pour *{title}* : rien n'a "
            "été créé, car une formation de ce titre y est peut-être déjà. Cherchez-la dans Lucca "
            "Training ; si elle n'y est pas, cochez *La créer quand même* ci-dessous et validez "
            "à nouveau."
        ),
        "duplicate": (
            ":warning: Lucca Training a déjà une formation intitulée *{title}* : {existing}. "
            "Rien n'a été créé. Changez le titre, ou cochez *La créer quand même* ci-dessous et "
            "validez à nouveau si une deuxième formation est voulue."
        ),
        "configuration": (
            ":warning: Les réglages Lucca de cette application sont inutilisables : rien n'a "
            "été envoyé. Prévenez la personne qui la gère."
        ),
        "internal": (
            ":warning: Un problème est survenu dans cette application pendant la création : la "
            "formation a peut-être été créée. Cherchez *{title}* dans Lucca Training avant de "
            "valider de nouveau."
        ),
    },
    lucca_said="Réponse de Lucca : {said}",
    retry_in_seconds="Validez de nouveau dans {seconds} secondes.",
    retry_in_a_minute="Validez de nouveau dans une minute.",
    dm_failed="La formation *{title}* n'a pas pu être créée.\n{reason}",
    typed_values="Ce que vous aviez saisi, pour ne rien perdre :",
)

_BY_LANGUAGE = {ENGLISH: _EN, FRENCH: _FR}


def texts(language: str | None) -> Texts:
    """The texts for a language code from `locale.language_of`; English for anything else."""
    return _BY_LANGUAGE.get(language or ENGLISH, _EN)
