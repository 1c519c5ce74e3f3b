"""German: every text of the Slack face."""

from bot.strings.fields import DraftingTexts, Texts

TEXTS = Texts(
    language="de",
    language_name="German",
    modal_title="Neue Schulung",
    submit="Erstellen",
    cancel="Abbrechen",
    close="Schließen",
    title_label="Titel",
    title_hint="Pflichtfeld. Höchstens 250 Zeichen.",
    subtitle_label="Untertitel",
    subtitle_hint="Pflichtfeld. Eine kurze Zusammenfassung, höchstens 1000 Zeichen.",
    description_label="Beschreibung",
    description_hint=(
        "Pflichtfeld. Insgesamt bis zu 6000 Zeichen: Ein Slack-Feld fasst 3000, also schreiben "
        "Sie die ersten 3000 hier und fahren im nächsten Feld fort."
    ),
    description_more_label="Beschreibung, Fortsetzung",
    description_more_hint=(
        "Nur für Beschreibungen über 3000 Zeichen. Der Text geht genau dort weiter, wo das erste "
        "Feld aufhört: Zwischen beiden wird kein Leerzeichen und kein Zeilenumbruch eingefügt."
    ),
    level_label="Niveau",
    level_hint="Pflichtfeld: eines der drei Niveaus, die Lucca kennt.",
    level_names={
        "Beginner": ("Einsteiger", "das Thema kennenlernen"),
        "Middle": ("Fortgeschritten", "es vertiefen"),
        "Expert": ("Experte", "Spezialist werden"),
    },
    type_label="Art",
    type_hint="Optional. Leer gelassen, wendet Lucca seinen Standardwert an.",
    type_placeholder="Art wählen",
    type_names={
        "External": "Extern: von einer externen Organisation durchgeführt",
        "Internal": "Intern: von Mitarbeitenden durchgeführt",
    },
    certifying_label="Zertifizierend?",
    certifying_hint=(
        "Pflichtfeld. Führt sie zu einem anerkannten Abschluss (Diplom, Titel oder Zertifikat)?"
    ),
    mandatory_label="Verpflichtend?",
    mandatory_hint="Pflichtfeld. Ist sie gesetzlich vorgeschrieben (z. B. Arbeitssicherheit)?",
    yes="Ja",
    no="Nein",
    provider_label="Anbieter",
    provider_hint="Optional. Tippen Sie, um die im Katalog bereits genutzten Anbieter zu suchen.",
    provider_placeholder="Anbieter suchen",
    provider_id_label="Oder Anbieter-ID",
    provider_id_hint="Optional. Die ID eines Anbieters in Lucca (eine Zahl), falls er fehlt.",
    category_label="Kategorie",
    category_hint=(
        "Optional. Tippen Sie, um die im Katalog bereits genutzten Kategorien zu suchen."
    ),
    category_placeholder="Kategorien suchen",
    category_id_label="Oder Kategorie-ID",
    category_id_hint="Optional. Die ID einer Kategorie in Lucca (eine Zahl), falls sie fehlt.",
    title_was_cut=(
        "Der Text nach dem Befehl war länger als 250 Zeichen: Der Titel behält die ersten 250."
    ),
    required="Pflichtfeld.",
    blank="Darf nicht leer sein.",
    too_long="Höchstens {limit} Zeichen (hier sind es {got}).",
    too_long_as_lucca_counts=(
        "Höchstens {limit} Zeichen, wie Lucca sie zählt (hier sind es {got}: Emojis und einige "
        "seltene Zeichen zählen doppelt)."
    ),
    not_a_number="Muss eine Zahl sein, z. B. 12 (oder leer lassen).",
    provider_conflict="Weicht vom oben gewählten Anbieter (#{picked}) ab: Behalten Sie nur einen.",
    category_conflict=(
        "Weicht von der oben gewählten Kategorie (#{picked}) ab: Behalten Sie nur eine."
    ),
    lucca_field_note=":warning: Lucca: {message}",
    creating=(
        ":hourglass_flowing_sand: *{title}* wird in Lucca Training erstellt…\n\n"
        "Sie können dieses Fenster schließen: Das Ergebnis kommt auch als Direktnachricht "
        "dieser App."
    ),
    result_title="Schulung erstellt",
    created=":white_check_mark: Die Schulung *#{id}* *{title}* wurde in Lucca Training erstellt.",
    facts={"level": "Niveau", "type": "Art", "provider": "Anbieter", "category": "Kategorie"},
    status_label="Katalogstatus",
    status_ready=(
        "*Bereit* (Ready): Sie kann für neue durchgeführte Schulungen genutzt werden, steht aber "
        "*nicht im öffentlichen Katalog*, bis ein Admin sie in Lucca Training veröffentlicht."
    ),
    status_other="*{state}*",
    next_steps=(
        "*Als Nächstes:* Soll man sie im Katalog finden, bitten Sie einen Lucca-Training-Admin, "
        "sie zu veröffentlichen. Mit `/training-create` erstellen Sie eine weitere."
    ),
    dm_created=(
        ":white_check_mark: Die Schulung *#{id}* *{title}* wurde in Lucca Training erstellt. "
        "Katalogstatus: *Bereit*, nicht im öffentlichen Katalog, bis ein Admin sie veröffentlicht."
    ),
    channel_note=(
        ":white_check_mark: Sie haben die Schulung *#{id}* *{title}* in Lucca Training erstellt "
        "(Bereit, nicht im öffentlichen Katalog, bis ein Admin sie veröffentlicht). "
        "Die Details stehen in Ihren Direktnachrichten mit dieser App."
    ),
    already_there_title="Schon in Lucca",
    already_there=(
        ":information_source: Die Schulung *#{id}* *{title}* war mit demselben Inhalt schon in "
        "Lucca Training, also wurde nichts Neues erstellt."
    ),
    recovered_note=(
        "Luccas Antwort ging unterwegs verloren, aber die Schulung ist im Katalog: Sie wurde "
        "einmal erstellt und nicht erneut gesendet."
    ),
    allow_duplicate_label="Titel schon vorhanden",
    allow_duplicate_option="Trotzdem erstellen, als zweite Schulung mit diesem Titel",
    refused_title="Nicht erlaubt",
    refused=(
        "Das Erstellen von Schulungen aus Slack ist leider bestimmten Personen vorbehalten, und "
        "Sie gehören noch nicht dazu. Bitten Sie die Person, die die Lucca-Training-App in Slack "
        "eingerichtet hat, Sie hinzuzufügen."
    ),
    access_unknown=(
        "Leider konnte ich nicht prüfen, ob Sie Schulungen erstellen dürfen (Slack hat nicht "
        "rechtzeitig geantwortet). Versuchen Sie es gleich noch einmal."
    ),
    trigger_expired=(
        "Slack hat zu lange gebraucht, um das Formular zu öffnen. Geben Sie `/training-create` "
        "erneut ein."
    ),
    modal_failed=(
        "Das Formular konnte nicht geöffnet werden (Slack meldete `{error}`). Versuchen Sie es "
        "erneut; wenn es weiter scheitert, sagen Sie der Person Bescheid, die diese App betreut."
    ),
    failure={
        "rejected": (
            ":warning: Lucca hat die Schulung abgelehnt, es wurde nichts erstellt. Korrigieren "
            "Sie, was unten markiert ist, und senden Sie erneut."
        ),
        "auth": (
            ":warning: Lucca hat dieser App den Zugriff verweigert, es wurde nichts erstellt. "
            "Sagen Sie der Person, die diese App betreut, dass ihr Lucca-API-Schlüssel geprüft "
            "werden muss; Ihr Formular bleibt erhalten."
        ),
        "not_found": (
            ":warning: Diese App ist mit keinem Lucca-Training-Konto verbunden (Lucca antwortete "
            "404), es wurde nichts erstellt. Bitten Sie die Person, die diese App betreut, die "
            "Lucca-Adresse zu prüfen."
        ),
        "rate_limited": (
            ":warning: Lucca ist ausgelastet: Die 50 Anfragen pro Minute des Kontos sind "
            "verbraucht. Es wurde nichts erstellt. {retry}"
        ),
        "unavailable": (
            ":warning: Lucca ist gerade nicht erreichbar; es wurde nichts erstellt. Senden Sie "
            "in ein paar Minuten erneut."
        ),
        "outcome_unknown": (
            ":warning: Lucca hat nicht rechtzeitig geantwortet: Die Schulung wurde *vielleicht* "
            "erstellt. Suchen Sie *{title}* in Lucca Training, bevor Sie erneut senden, damit "
            "sie nicht doppelt angelegt wird."
        ),
        "unexpected_answer": (
            ":warning: Luccas Antwort war nicht lesbar. Suchen Sie *{title}* in Lucca Training, "
            "bevor Sie erneut senden: Sie wurde vielleicht erstellt."
        ),
        "title_busy": (
            ":hourglass: *{title}* wird gerade an anderer Stelle erstellt, oder der Speicher der "
            "App antwortet nicht: Es wurde nichts an Lucca gesendet. Senden Sie gleich erneut."
        ),
        "duplicate_check_incomplete": (
            ":warning: Der Katalog konnte nicht vollständig nach *{title}* durchsucht werden, "
            "also wurde nichts erstellt: Eine Schulung mit diesem Titel gibt es dort vielleicht "
            "schon. Suchen Sie sie in Lucca Training; wenn sie fehlt, setzen Sie unten das "
            "Häkchen bei *Trotzdem erstellen* und senden Sie erneut."
        ),
        "duplicate": (
            ":warning: Lucca Training hat schon eine Schulung mit dem Titel *{title}*: "
            "{existing}. Es wurde nichts erstellt. Ändern Sie den Titel, oder setzen Sie unten "
            "das Häkchen bei *Trotzdem erstellen* und senden Sie erneut, wenn eine zweite "
            "gewollt ist."
        ),
        "configuration": (
            ":warning: Die Lucca-Einstellungen dieser App sind nicht nutzbar, es wurde nichts "
            "gesendet. Sagen Sie der Person Bescheid, die diese App betreut."
        ),
        "internal": (
            ":warning: In dieser App ist beim Erstellen etwas schiefgegangen: Die Schulung wurde "
            "vielleicht erstellt. Suchen Sie *{title}* in Lucca Training, bevor Sie erneut senden."
        ),
    },
    lucca_said="Lucca meldete: {said}",
    retry_in_seconds="Senden Sie in {seconds} Sekunden erneut.",
    retry_in_a_minute="Senden Sie in einer Minute erneut.",
    dm_failed="Die Schulung *{title}* konnte nicht erstellt werden.\n{reason}",
    typed_values="Was Sie eingegeben hatten, damit nichts verloren geht:",
    message_was_cut=(
        "Die Nachricht war länger, als Lucca erlaubt, und wurde gekürzt: Der Titel behält die "
        "ersten {title_limit} Zeichen, die Beschreibung die ersten {description_limit}. Prüfen "
        "Sie ihr Ende."
    ),
    thread_share_label="Thread der Nachricht",
    thread_share_option="Ergebnis allen im Thread zeigen",
    thread_share_hint="Ohne Häkchen sehen nur Sie die Antwort im Thread der Nachricht.",
    thread_note=(
        ":white_check_mark: <@{user}> hat aus dieser Nachricht die Schulung *#{id}* *{title}* "
        "in Lucca Training erstellt. Sie ist Bereit und nicht im öffentlichen Katalog, bis ein "
        "Admin sie veröffentlicht."
    ),
    home_header="Lucca Training",
    home_intro=(
        "Erstellen Sie Schulungen in Ihrem Lucca-Training-Katalog, ohne Slack zu verlassen: mit "
        "der Schaltfläche unten, mit `/training-create` oder über das Menü *Weitere Aktionen* "
        "einer Nachricht (*Schulung aus dieser Nachricht erstellen*)."
    ),
    home_create="Schulung erstellen",
    home_recent_title="*Ihre letzten Erstellungen*",
    home_recent_none="Noch keine: Die Schulungen, die Sie aus Slack erstellen, erscheinen hier.",
    store_down=(
        "Die Schulung konnte nicht zur Erstellung vorgemerkt werden (der Speicher der App "
        "antwortet nicht): Es wurde nichts erstellt. Ihre Eingaben bleiben erhalten; "
        "senden Sie gleich erneut."
    ),
    home_recent_unavailable=(
        "Ihre letzten Erstellungen können gerade nicht angezeigt werden (der Speicher der "
        "App antwortet nicht). Versuchen Sie es gleich erneut."
    ),
    home_recent_item="*#{id}* {title}\n{status} · {when}",
    home_status_ready="Bereit, nicht im öffentlichen Katalog",
    home_help=(
        "*Gut zu wissen*\n"
        "• Titel: höchstens {title_limit} Zeichen; Untertitel: {subtitle_limit}; Beschreibung: "
        "{description_limit}. Niveau, zertifizierend und verpflichtend sind Pflicht; Art, "
        "Anbieter und Kategorie sind optional.\n"
        "• *Nicht im öffentlichen Katalog*: Eine neue Schulung ist *Bereit* (sie kann für "
        "durchgeführte Schulungen genutzt werden), aber Mitarbeitende sehen sie erst im Katalog, "
        "wenn ein Lucca-Training-Admin sie in Lucca veröffentlicht."
    ),
    home_refused=(
        ":no_entry: Das Erstellen von Schulungen aus Slack ist bestimmten Personen vorbehalten, "
        "und Sie gehören noch nicht dazu. Bitten Sie die Person, die die Lucca-Training-App "
        "installiert hat, Sie hinzuzufügen."
    ),
    step_no_user=(
        'Der Schritt braucht die Person, die den Workflow ausführt (seine Eingabe "user"): '
        "Es wurde nichts erstellt."
    ),
    step_refused=(
        "{user} darf keine Schulungen aus Slack erstellen (bitten Sie die Person, die die "
        "Lucca-Training-App betreut, sie hinzuzufügen): Es wurde nichts erstellt."
    ),
    step_access_unknown=(
        "Es ließ sich nicht prüfen, ob {user} Schulungen erstellen darf (Slack hat nicht "
        "rechtzeitig geantwortet): Es wurde nichts erstellt. Führen Sie den Workflow erneut aus."
    ),
    step_duplicate=(
        "Lucca Training hat schon eine Schulung mit dem Titel „{title}“: {existing}. Es wurde "
        "nichts erstellt: Ändern Sie den Titel im Workflow, oder erstellen Sie die zweite mit "
        "dem Formular."
    ),
    step_duplicate_unsure=(
        "Der Katalog konnte nicht vollständig nach „{title}“ durchsucht werden, also wurde "
        "nichts erstellt: Eine Schulung mit diesem Titel gibt es dort vielleicht schon. Führen "
        "Sie den Workflow gleich noch einmal aus."
    ),
    step_invalid="Es wurde nichts erstellt. {problems}",
)

DRAFTING = DraftingTexts(
    button="Mit KI entwerfen",
    hint=(
        ":sparkles: Geben Sie einen Titel und ein paar Stichpunkte in die Beschreibung ein und "
        "drücken Sie dann *Mit KI entwerfen*: Sie schreibt Untertitel und Beschreibung und "
        "schlägt ein Niveau vor. Sie prüfen alles, bevor Sie erstellen."
    ),
    loading_title="Entwurf…",
    loading=(
        ":hourglass_flowing_sand: Untertitel und Beschreibung für *{title}* werden geschrieben… "
        "Das kann bis zu {seconds} Sekunden dauern. Danach kommt Ihr Formular mit allem zurück, "
        "was Sie eingegeben haben."
    ),
    need_input=(
        "Geben Sie zuerst einen Titel oder ein paar Stichpunkte in die Beschreibung ein: Der "
        "Entwurf geht davon aus."
    ),
    drafted=(
        ":sparkles: Mit KI aus Ihren Notizen entworfen: Lesen Sie Untertitel und Beschreibung, "
        "bevor Sie erstellen. Vorgeschlagenes Niveau: *{level}*."
    ),
    drafted_no_level=(
        ":sparkles: Mit KI aus Ihren Notizen entworfen: Lesen Sie Untertitel und Beschreibung, "
        "bevor Sie erstellen."
    ),
    level_kept="Die KI schlägt *{suggested}* vor; Ihre Wahl, *{chosen}*, bleibt.",
    cut=(
        ":warning: Das Feld {field} der KI hatte {length} Zeichen, mehr als Luccas {limit}: Es "
        "wurde gekürzt. Prüfen Sie sein Ende."
    ),
    kept_yours="Die KI lieferte kein Feld {field}: Ihres bleibt.",
    failure={
        "timeout": (
            ":warning: Die KI hat nicht rechtzeitig geantwortet. Ihr Formular ist unverändert: "
            "Versuchen Sie es erneut."
        ),
        "unavailable": (
            ":warning: Die KI ist gerade nicht erreichbar. Ihr Formular ist unverändert: "
            "Versuchen Sie es in ein paar Minuten erneut."
        ),
        "refused": (
            ":warning: Der KI-Dienst hat die Anfrage abgelehnt: Sagen Sie der Person, die diese "
            "App betreut, dass ihre LLM-Einstellungen geprüft werden müssen. Ihr Formular ist "
            "unverändert."
        ),
        "unreadable": (
            ":warning: Die Antwort der KI war nicht verwendbar. Ihr Formular ist unverändert: "
            "Versuchen Sie es erneut."
        ),
        "internal": (
            ":warning: In dieser App ist beim Entwerfen etwas schiefgegangen. Ihr Formular ist "
            "unverändert."
        ),
    },
    field_names={"title": "Titel", "subtitle": "Untertitel", "description": "Beschreibung"},
    draft_intro="Hier ist ein Entwurf:",
    labels={
        "title": "Titel",
        "subtitle": "Untertitel",
        "description": "Beschreibung",
        "level": "Vorgeschlagenes Niveau",
    },
    over_limit=(
        ":warning: Das Feld {field} hat {length} Zeichen, mehr als Luccas {limit}: Bitten Sie "
        "mich, es zu kürzen (das Formular behält nur die ersten {limit})."
    ),
    open_form="Formular öffnen",
    nothing_created=(
        "Nichts wird erstellt, bevor Sie das Formular absenden. Sagen Sie mir, was ich ändern "
        "soll, oder öffnen Sie das Formular, um zu prüfen und zu erstellen."
    ),
    fallback="Entwurf: {title}",
    thread_failure={
        "timeout": "Die KI hat leider nicht rechtzeitig geantwortet. Sagen Sie es gleich noch mal.",
        "unavailable": (
            "Die KI ist leider gerade nicht erreichbar. Versuchen Sie es in ein paar Minuten."
        ),
        "refused": (
            "Der KI-Dienst hat die Anfrage leider abgelehnt: Sagen Sie der Person, die diese App "
            "betreut, dass ihre LLM-Einstellungen geprüft werden müssen."
        ),
        "unreadable": (
            "Die Antwort der KI war leider nicht verwendbar. Sagen Sie es noch mal, vielleicht "
            "anders."
        ),
        "internal": "In dieser App ist beim Entwerfen leider etwas schiefgegangen.",
    },
    thread_unreadable=(
        "Ich konnte diesen Thread leider nicht aus Slack lesen. Versuchen Sie es gleich noch mal."
    ),
    draft_not_found=(
        "Ich finde diesen Entwurf leider nicht mehr im Thread. Bitten Sie mich erneut darum."
    ),
    form_not_opened=(
        "Das Formular konnte nicht geöffnet werden (Slack meldete `{error}`). Drücken Sie die "
        "Schaltfläche erneut."
    ),
)
