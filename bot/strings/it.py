"""Italian: every text of the Slack face."""

from bot.strings.fields import DraftingTexts, Texts

TEXTS = Texts(
    language="it",
    language_name="Italian",
    modal_title="Nuova formazione",
    submit="Crea",
    cancel="Annulla",
    close="Chiudi",
    title_label="Titolo",
    title_hint="Obbligatorio. Al massimo 250 caratteri.",
    subtitle_label="Sottotitolo",
    subtitle_hint="Obbligatorio. Un breve riassunto, al massimo 1000 caratteri.",
    description_label="Descrizione",
    description_hint=(
        "Obbligatoria. Fino a 6000 caratteri in tutto: una casella di Slack ne contiene 3000, "
        "quindi scriva qui i primi 3000 e continui nella casella successiva."
    ),
    description_more_label="Descrizione (seguito)",
    description_more_hint=(
        "Solo per descrizioni di oltre 3000 caratteri. Il testo riprende esattamente dove finisce "
        "la prima casella: tra le due non si aggiunge nessuno spazio né a capo."
    ),
    level_label="Livello",
    level_hint="Obbligatorio: uno dei tre livelli che Lucca conosce.",
    level_names={
        "Beginner": ("Principiante", "scoprire l'argomento"),
        "Middle": ("Intermedio", "approfondirlo"),
        "Expert": ("Esperto", "diventare specialista"),
    },
    type_label="Tipo",
    type_hint="Facoltativo. Se vuoto, Lucca applica il suo valore predefinito.",
    type_placeholder="Scegli un tipo",
    type_names={
        "External": "Esterna: tenuta da un'organizzazione esterna",
        "Internal": "Interna: tenuta da dipendenti",
    },
    certifying_label="Certificante?",
    certifying_hint="Obbligatorio. Porta a un diploma, un titolo o un certificato riconosciuto?",
    mandatory_label="Obbligatoria?",
    mandatory_hint="Obbligatorio. È obbligatoria per legge (sicurezza, per esempio)?",
    yes="Sì",
    no="No",
    provider_label="Ente di formazione",
    provider_hint="Facoltativo. Digiti per cercare tra gli enti già usati nel catalogo.",
    provider_placeholder="Cerca enti",
    provider_id_label="Oppure id dell'ente",
    provider_id_hint="Facoltativo. L'id di un ente in Lucca (un numero), se non è nell'elenco.",
    category_label="Categoria",
    category_hint="Facoltativo. Digiti per cercare tra le categorie già usate nel catalogo.",
    category_placeholder="Cerca categorie",
    category_id_label="Oppure id della categoria",
    category_id_hint=(
        "Facoltativo. L'id di una categoria in Lucca (un numero), se non è nell'elenco."
    ),
    title_was_cut=(
        "Il testo dopo il comando superava i 250 caratteri: il titolo conserva i primi 250."
    ),
    required="Obbligatorio.",
    blank="Non può essere vuoto.",
    too_long="Al massimo {limit} caratteri (qui sono {got}).",
    too_long_as_lucca_counts=(
        "Al massimo {limit} caratteri come li conta Lucca (qui sono {got}: le emoji e alcuni "
        "caratteri rari contano 2)."
    ),
    not_a_number="Deve essere un numero, come 12 (oppure lasci vuoto).",
    provider_conflict="Diverso dall'ente scelto sopra (n. {picked}): ne tenga solo uno.",
    category_conflict="Diversa dalla categoria scelta sopra (n. {picked}): ne tenga solo una.",
    lucca_field_note=":warning: Lucca: {message}",
    creating=(
        ":hourglass_flowing_sand: Creazione di *{title}* in Lucca Training…\n\n"
        "Può chiudere questa finestra: il risultato arriverà anche come messaggio diretto da "
        "questa app."
    ),
    result_title="Formazione creata",
    created=(
        ":white_check_mark: La formazione *n. {id}* *{title}* è stata creata in Lucca Training."
    ),
    facts={"level": "Livello", "type": "Tipo", "provider": "Ente", "category": "Categoria"},
    status_label="Stato nel catalogo",
    status_ready=(
        "*Pronta* (Ready): può essere usata per nuove formazioni erogate, ma *non è nel catalogo "
        "pubblico* finché un amministratore non la pubblica in Lucca Training."
    ),
    status_other="*{state}*",
    next_steps=(
        "*Poi:* se le persone devono trovarla nel catalogo, chieda a un amministratore di Lucca "
        "Training di pubblicarla. Digiti `/training-create` per crearne un'altra."
    ),
    dm_created=(
        ":white_check_mark: La formazione *n. {id}* *{title}* è stata creata in Lucca Training. "
        "Stato: *Pronta*, fuori dal catalogo pubblico finché un amministratore non la pubblica."
    ),
    channel_note=(
        ":white_check_mark: Ha creato la formazione *n. {id}* *{title}* in Lucca Training "
        "(Pronta, fuori dal catalogo pubblico finché un amministratore non la pubblica). "
        "I dettagli sono nei suoi messaggi diretti con questa app."
    ),
    already_there_title="Già in Lucca",
    already_there=(
        ":information_source: La formazione *n. {id}* *{title}* era già in Lucca Training con "
        "lo stesso contenuto, quindi non è stato creato nulla di nuovo."
    ),
    recovered_note=(
        "La risposta di Lucca si è persa per strada, ma la formazione è nel catalogo: è stata "
        "creata una volta e non è stata inviata di nuovo."
    ),
    allow_duplicate_label="Titolo già usato",
    allow_duplicate_option="Crearla comunque, come seconda formazione con questo titolo",
    refused_title="Non consentito",
    refused=(
        "Spiacenti, creare formazioni da Slack è riservato ad alcune persone, e lei non è "
        "ancora tra queste. Chieda a chi ha configurato l'app Lucca Training in Slack di "
        "aggiungerla."
    ),
    access_unknown=(
        "Spiacenti, non ho potuto verificare se può creare formazioni (Slack non ha risposto in "
        "tempo). Riprovi tra un momento."
    ),
    trigger_expired=(
        "Slack ha impiegato troppo ad aprire il modulo. Digiti di nuovo `/training-create`."
    ),
    modal_failed=(
        "Non è stato possibile aprire il modulo (Slack ha risposto `{error}`). Riprovi; se "
        "continua a non funzionare, avvisi la persona che gestisce questa app."
    ),
    failure={
        "rejected": (
            ":warning: Lucca ha rifiutato la formazione, quindi non è stato creato nulla. "
            "Corregga ciò che è segnalato sotto e invii di nuovo."
        ),
        "auth": (
            ":warning: Lucca ha rifiutato l'accesso di questa app, quindi non è stato creato "
            "nulla. Avvisi la persona che la gestisce: la sua chiave API di Lucca va verificata. "
            "Il suo modulo è conservato qui."
        ),
        "not_found": (
            ":warning: Questa app non è collegata a un account Lucca Training (Lucca ha risposto "
            "404), quindi non è stato creato nulla. Chieda alla persona che la gestisce di "
            "verificare l'indirizzo Lucca."
        ),
        "rate_limited": (
            ":warning: Lucca è sovraccarico: le 50 richieste al minuto dell'account sono "
            "esaurite. Non è stato creato nulla. {retry}"
        ),
        "unavailable": (
            ":warning: Lucca non è disponibile al momento; non è stato creato nulla. Invii di "
            "nuovo tra qualche minuto."
        ),
        "outcome_unknown": (
            ":warning: Lucca non ha risposto in tempo: la formazione *potrebbe* essere stata "
            "creata. Cerchi *{title}* in Lucca Training prima di inviare di nuovo, per non "
            "crearla due volte."
        ),
        "unexpected_answer": (
            ":warning: La risposta di Lucca non è leggibile. Cerchi *{title}* in Lucca Training "
            "prima di inviare di nuovo: potrebbe essere stata creata."
        ),
        "title_busy": (
            ":hourglass: *{title}* è in fase di creazione altrove in questo momento, oppure "
            "l'archivio dell'app non risponde: nulla è stato inviato a Lucca. Invii di nuovo tra "
            "un momento."
        ),
        "duplicate_check_incomplete": (
            ":warning: Non è stato possibile cercare *{title}* in tutto il catalogo, quindi non "
            "è stato creato nulla: una formazione con questo titolo potrebbe esserci già. La "
            "cerchi in Lucca Training; se non c'è, spunti *Crearla comunque* qui sotto e invii "
            "di nuovo."
        ),
        "duplicate": (
            ":warning: Lucca Training ha già una formazione intitolata *{title}*: {existing}. "
            "Non è stato creato nulla. Cambi il titolo, oppure spunti *Crearla comunque* qui "
            "sotto e invii di nuovo se ne serve una seconda."
        ),
        "configuration": (
            ":warning: Le impostazioni Lucca di questa app non sono utilizzabili, quindi non è "
            "stato inviato nulla. Avvisi la persona che la gestisce."
        ),
        "internal": (
            ":warning: Qualcosa è andato storto in questa app durante la creazione: la "
            "formazione potrebbe essere stata creata. Cerchi *{title}* in Lucca Training prima "
            "di inviare di nuovo."
        ),
    },
    lucca_said="Lucca ha risposto: {said}",
    retry_in_seconds="Invii di nuovo tra {seconds} secondi.",
    retry_in_a_minute="Invii di nuovo tra un minuto.",
    dm_failed="Non è stato possibile creare la formazione *{title}*.\n{reason}",
    typed_values="Ciò che aveva scritto, perché nulla vada perso:",
    message_was_cut=(
        "Il messaggio superava i limiti di Lucca ed è stato tagliato: il titolo conserva i suoi "
        "primi {title_limit} caratteri e la descrizione i primi {description_limit}. Controlli "
        "la loro fine."
    ),
    thread_share_label="Thread del messaggio",
    thread_share_option="Mostra il risultato a tutti nel thread",
    thread_share_hint="Senza spunta, solo lei vede la risposta nel thread del messaggio.",
    thread_note=(
        ":white_check_mark: <@{user}> ha creato la formazione *n. {id}* *{title}* in Lucca "
        "Training da questo messaggio. È Pronta, e fuori dal catalogo pubblico finché un "
        "amministratore non la pubblica."
    ),
    home_header="Lucca Training",
    home_intro=(
        "Crei formazioni nel suo catalogo Lucca Training senza lasciare Slack: con il pulsante "
        "qui sotto, con `/training-create` o dal menu *Altre azioni* di un messaggio (*Crea una "
        "formazione da questo messaggio*)."
    ),
    home_create="Crea una formazione",
    home_recent_title="*Le sue ultime creazioni*",
    home_recent_none="Nessuna per ora: le formazioni create da Slack compariranno qui.",
    store_down=(
        "Non è stato possibile registrare questa formazione per la creazione (l'archivio "
        "dell'app non risponde): non è stato creato nulla. Quanto ha scritto è "
        "conservato; invii di nuovo tra un momento."
    ),
    home_recent_unavailable=(
        "Le sue creazioni recenti non possono essere mostrate ora (l'archivio dell'app "
        "non risponde). Riprovi tra un momento."
    ),
    home_recent_item="*n. {id}* {title}\n{status} · {when}",
    home_status_ready="Pronta, fuori dal catalogo pubblico",
    home_help=(
        "*Buono a sapersi*\n"
        "• Titolo: al massimo {title_limit} caratteri; sottotitolo: {subtitle_limit}; "
        "descrizione: {description_limit}. Livello, «certificante» e «obbligatoria» sono "
        "obbligatori; tipo, ente e categoria sono facoltativi.\n"
        "• *Fuori dal catalogo pubblico*: una nuova formazione è *Pronta* (può essere usata per "
        "formazioni erogate), ma i dipendenti non la vedono nel catalogo finché un "
        "amministratore di Lucca Training non la pubblica in Lucca."
    ),
    home_refused=(
        ":no_entry: Creare formazioni da Slack è riservato ad alcune persone, e lei non è ancora "
        "tra queste. Chieda a chi ha installato l'app Lucca Training di aggiungerla."
    ),
    step_no_user=(
        'Il passaggio ha bisogno della persona che esegue il workflow (il suo input "user"): '
        "non è stato creato nulla."
    ),
    step_refused=(
        "{user} non può creare formazioni da Slack (chieda a chi gestisce l'app Lucca Training "
        "di aggiungerla): non è stato creato nulla."
    ),
    step_access_unknown=(
        "Non è stato possibile verificare se {user} può creare formazioni (Slack non ha risposto "
        "in tempo): non è stato creato nulla. Esegua di nuovo il workflow."
    ),
    step_duplicate=(
        "Lucca Training ha già una formazione intitolata «{title}»: {existing}. Non è stato "
        "creato nulla: cambi il titolo nel workflow, oppure crei la seconda con il modulo."
    ),
    step_duplicate_unsure=(
        "Non è stato possibile cercare «{title}» in tutto il catalogo, quindi non è stato "
        "creato nulla: una formazione con questo titolo potrebbe esserci già. Esegua di nuovo "
        "il workflow tra un momento."
    ),
    step_invalid="Non è stato creato nulla. {problems}",
)

DRAFTING = DraftingTexts(
    button="Scrivi con l'IA",
    hint=(
        ":sparkles: Scriva un titolo e qualche appunto nella descrizione, poi prema *Scrivi con "
        "l'IA*: scrive il sottotitolo e la descrizione e propone un livello. Lei rilegge tutto "
        "prima di creare."
    ),
    loading_title="Scrittura…",
    loading=(
        ":hourglass_flowing_sand: Scrittura di un sottotitolo e di una descrizione per "
        "*{title}*… Può richiedere fino a {seconds} secondi. Poi il modulo torna con tutto ciò "
        "che ha scritto."
    ),
    need_input=(
        "Scriva prima un titolo o qualche appunto nella descrizione: la proposta parte da lì."
    ),
    drafted=(
        ":sparkles: Scritto con l'IA dai suoi appunti: legga il sottotitolo e la descrizione "
        "prima di creare. Livello proposto: *{level}*."
    ),
    drafted_no_level=(
        ":sparkles: Scritto con l'IA dai suoi appunti: legga il sottotitolo e la descrizione "
        "prima di creare."
    ),
    level_kept="L'IA propone *{suggested}*; la sua scelta, *{chosen}*, resta.",
    cut=(
        ":warning: Il campo {field} dell'IA aveva {length} caratteri, oltre i {limit} di Lucca: "
        "è stato tagliato. Controlli la fine."
    ),
    kept_yours="L'IA non ha dato il campo {field}: resta il suo.",
    failure={
        "timeout": (
            ":warning: L'IA non ha risposto in tempo. Il modulo è come l'ha lasciato: riprovi."
        ),
        "unavailable": (
            ":warning: L'IA non è disponibile al momento. Il modulo è come l'ha lasciato: "
            "riprovi tra qualche minuto."
        ),
        "refused": (
            ":warning: Il servizio di IA ha rifiutato la richiesta: avvisi la persona che "
            "gestisce questa app che le sue impostazioni LLM vanno verificate. Il modulo è come "
            "l'ha lasciato."
        ),
        "unreadable": (
            ":warning: La risposta dell'IA non è utilizzabile. Il modulo è come l'ha lasciato: "
            "riprovi."
        ),
        "internal": (
            ":warning: Qualcosa è andato storto in questa app durante la scrittura. Il modulo è "
            "come l'ha lasciato."
        ),
    },
    field_names={"title": "titolo", "subtitle": "sottotitolo", "description": "descrizione"},
    draft_intro="Ecco una proposta:",
    labels={
        "title": "Titolo",
        "subtitle": "Sottotitolo",
        "description": "Descrizione",
        "level": "Livello proposto",
    },
    over_limit=(
        ":warning: Il campo {field} ha {length} caratteri, oltre i {limit} di Lucca: mi chieda "
        "di accorciarlo (il modulo ne conserva solo i primi {limit})."
    ),
    open_form="Apri il modulo",
    nothing_created=(
        "Non viene creato nulla finché non invia il modulo. Mi dica cosa cambiare, oppure apra "
        "il modulo per rileggere e creare."
    ),
    fallback="Proposta: {title}",
    thread_failure={
        "timeout": "Spiacente, l'IA non ha risposto in tempo. Lo ripeta tra un momento.",
        "unavailable": (
            "Spiacente, l'IA non è disponibile al momento. Riprovi tra qualche minuto."
        ),
        "refused": (
            "Spiacente, il servizio di IA ha rifiutato la richiesta: avvisi la persona che "
            "gestisce questa app che le sue impostazioni LLM vanno verificate."
        ),
        "unreadable": (
            "Spiacente, la risposta dell'IA non è utilizzabile. Lo ripeta, magari diversamente."
        ),
        "internal": "Spiacente, qualcosa è andato storto in questa app durante la scrittura.",
    },
    thread_unreadable=(
        "Spiacente, non sono riuscito a rileggere questo thread da Slack. Riprovi tra un momento."
    ),
    draft_not_found=("Spiacente, non trovo più questa proposta nel thread. Me la richieda."),
    form_not_opened=(
        "Non è stato possibile aprire il modulo (Slack ha risposto `{error}`). Prema di nuovo "
        "il pulsante."
    ),
)
