"""French: every text of the Slack face."""

from bot.strings.fields import DraftingTexts, Texts

TEXTS = Texts(
    language="fr",
    language_name="French",
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
    message_was_cut=(
        "Le message dépassait les limites de Lucca, il a donc été coupé : le titre garde ses "
        "{title_limit} premiers caractères et la description ses {description_limit} premiers. "
        "Vérifiez leur fin."
    ),
    thread_share_label="Fil du message",
    thread_share_option="Montrer le résultat à tout le monde dans le fil",
    thread_share_hint="Non cochée, la réponse dans le fil n'est visible que par vous.",
    thread_note=(
        ":white_check_mark: <@{user}> a créé la formation *n° {id}* *{title}* dans Lucca "
        "Training à partir de ce message. Elle est Prête, et absente du catalogue public tant "
        "qu'un administrateur ne l'a pas publiée."
    ),
    home_header="Lucca Training",
    home_intro=(
        "Créez des formations dans votre catalogue Lucca Training sans quitter Slack : avec le "
        "bouton ci-dessous, avec `/training-create`, ou depuis le menu *Autres actions* d'un "
        "message (*Créer une formation à partir de ce message*)."
    ),
    home_create="Créer une formation",
    home_recent_title="*Vos dernières créations*",
    home_recent_none="Aucune pour l'instant : les formations créées depuis Slack apparaîtront ici.",
    store_down=(
        "La formation n'a pas pu être enregistrée pour création (le stockage de "
        "l'application ne répond pas) : rien n'a été créé. Votre saisie est conservée, "
        "réessayez dans un instant."
    ),
    home_recent_unavailable=(
        "Vos créations récentes ne peuvent pas être affichées pour l'instant (le stockage "
        "de l'application ne répond pas). Réessayez dans un instant."
    ),
    home_recent_item="*n° {id}* {title}\n{status} · {when}",
    home_status_ready="Prête, absente du catalogue public",
    home_help=(
        "*Bon à savoir*\n"
        "• Titre : {title_limit} caractères au maximum ; sous-titre : {subtitle_limit} ; "
        "description : {description_limit}. Le niveau, « certifiante » et « imposée par la loi » "
        "sont requis ; le type, l'organisme et la catégorie sont facultatifs.\n"
        "• *Absente du catalogue public* : une nouvelle formation est *Prête* (elle peut servir "
        "pour des formations réalisées), mais les collaborateurs ne la voient pas dans le "
        "catalogue tant qu'un administrateur Lucca Training ne l'a pas publiée dans Lucca."
    ),
    home_refused=(
        ":no_entry: La création de formations depuis Slack est réservée à certaines personnes, "
        "et vous n'en faites pas encore partie. Demandez à la personne qui a installé "
        "l'application Lucca Training de vous ajouter."
    ),
    step_no_user=(
        "L'étape a besoin de la personne qui lance le workflow (son entrée « user ») : rien n'a "
        "été créé."
    ),
    step_refused=(
        "{user} ne peut pas créer de formations depuis Slack (demandez à la personne qui gère "
        "l'application Lucca Training de l'ajouter) : rien n'a été créé."
    ),
    step_access_unknown=(
        "Impossible de vérifier si {user} peut créer des formations (Slack n'a pas répondu à "
        "temps) : rien n'a été créé. Relancez le workflow."
    ),
    step_duplicate=(
        "Lucca Training a déjà une formation intitulée « {title} » : {existing}. Rien n'a été "
        "créé : changez le titre dans le workflow, ou créez la deuxième avec le formulaire."
    ),
    step_duplicate_unsure=(
        "Le catalogue n'a pas pu être parcouru en entier pour « {title} », donc rien n'a été "
        "créé : une formation de ce titre y est peut-être déjà. Relancez le workflow dans un "
        "instant."
    ),
    step_invalid="Rien n'a été créé. {problems}",
)

DRAFTING = DraftingTexts(
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
