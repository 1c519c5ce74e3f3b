"""Spanish: every text of the Slack face."""

from bot.strings.fields import DraftingTexts, Texts

TEXTS = Texts(
    language="es",
    language_name="Spanish",
    modal_title="Nueva formación",
    submit="Crear",
    cancel="Cancelar",
    close="Cerrar",
    title_label="Título",
    title_hint="Obligatorio. 250 caracteres como máximo.",
    subtitle_label="Subtítulo",
    subtitle_hint="Obligatorio. Un resumen breve, 1000 caracteres como máximo.",
    description_label="Descripción",
    description_hint=(
        "Obligatoria. Hasta 6000 caracteres en total: una casilla de Slack admite 3000, así que "
        "escriba los 3000 primeros aquí y continúe en la casilla siguiente."
    ),
    description_more_label="Descripción (continuación)",
    description_more_hint=(
        "Solo para descripciones de más de 3000 caracteres. El texto sigue exactamente donde "
        "termina la primera casilla: no se añade ningún espacio ni salto de línea entre ambas."
    ),
    level_label="Nivel",
    level_hint="Obligatorio: uno de los tres niveles que conoce Lucca.",
    level_names={
        "Beginner": ("Principiante", "descubrir el tema"),
        "Middle": ("Intermedio", "profundizar en él"),
        "Expert": ("Experto", "convertirse en especialista"),
    },
    type_label="Tipo",
    type_hint="Opcional. Si se deja vacío, Lucca aplica su valor por defecto.",
    type_placeholder="Elegir un tipo",
    type_names={
        "External": "Externa: impartida por una organización externa",
        "Internal": "Interna: impartida por empleados",
    },
    certifying_label="¿Certificable?",
    certifying_hint="Obligatorio. ¿Conduce a un diploma, un título o un certificado acreditado?",
    mandatory_label="¿Obligatoria?",
    mandatory_hint="Obligatorio. ¿Es obligatoria por ley (seguridad, por ejemplo)?",
    yes="Sí",
    no="No",
    provider_label="Proveedor",
    provider_hint="Opcional. Escriba para buscar entre los proveedores ya usados en el catálogo.",
    provider_placeholder="Buscar proveedores",
    provider_id_label="O id del proveedor",
    provider_id_hint=(
        "Opcional. El id de un proveedor en Lucca (un número), si no está en la lista."
    ),
    category_label="Categoría",
    category_hint=("Opcional. Escriba para buscar entre las categorías ya usadas en el catálogo."),
    category_placeholder="Buscar categorías",
    category_id_label="O id de la categoría",
    category_id_hint=(
        "Opcional. El id de una categoría en Lucca (un número), si no está en la lista."
    ),
    title_was_cut=(
        "El texto tras el comando superaba los 250 caracteres: el título conserva los 250 primeros."
    ),
    required="Obligatorio.",
    blank="No puede estar vacío.",
    too_long="Como máximo {limit} caracteres (este tiene {got}).",
    too_long_as_lucca_counts=(
        "Como máximo {limit} caracteres tal como los cuenta Lucca (este tiene {got}: los emojis "
        "y algunos caracteres poco comunes cuentan como 2)."
    ),
    not_a_number="Debe ser un número, como 12 (o déjelo vacío).",
    provider_conflict="Difiere del proveedor elegido arriba (n.º {picked}): deje solo uno.",
    category_conflict="Difiere de la categoría elegida arriba (n.º {picked}): deje solo una.",
    lucca_field_note=":warning: Lucca: {message}",
    creating=(
        ":hourglass_flowing_sand: Creando *{title}* en Lucca Training…\n\n"
        "Puede cerrar esta ventana: el resultado también llegará como mensaje directo de esta "
        "aplicación."
    ),
    result_title="Formación creada",
    created=":white_check_mark: La formación *n.º {id}* *{title}* se ha creado en Lucca Training.",
    facts={"level": "Nivel", "type": "Tipo", "provider": "Proveedor", "category": "Categoría"},
    status_label="Estado en el catálogo",
    status_ready=(
        "*Lista* (Ready): puede usarse para nuevas formaciones realizadas, pero *no está en el "
        "catálogo público* hasta que un administrador la publique en Lucca Training."
    ),
    status_other="*{state}*",
    next_steps=(
        "*Después:* si la gente debe encontrarla en el catálogo, pida a un administrador de "
        "Lucca Training que la publique. Escriba `/training-create` para crear otra."
    ),
    dm_created=(
        ":white_check_mark: La formación *n.º {id}* *{title}* se ha creado en Lucca Training. "
        "Estado: *Lista*, fuera del catálogo público hasta que un administrador la publique."
    ),
    channel_note=(
        ":white_check_mark: Ha creado la formación *n.º {id}* *{title}* en Lucca Training "
        "(Lista, fuera del catálogo público hasta que un administrador la publique). "
        "Los detalles están en sus mensajes directos con esta aplicación."
    ),
    already_there_title="Ya está en Lucca",
    already_there=(
        ":information_source: La formación *n.º {id}* *{title}* ya estaba en Lucca Training "
        "con el mismo contenido, así que no se ha creado nada nuevo."
    ),
    recovered_note=(
        "La respuesta de Lucca se perdió por el camino, pero la formación está en el catálogo: "
        "se creó una vez y no se volvió a enviar."
    ),
    allow_duplicate_label="Título ya utilizado",
    allow_duplicate_option="Crearla de todos modos, como segunda formación con este título",
    refused_title="No permitido",
    refused=(
        "Lo sentimos, crear formaciones desde Slack está reservado a algunas personas y usted "
        "aún no es una de ellas. Pida a quien configuró la aplicación Lucca Training en Slack "
        "que le añada."
    ),
    access_unknown=(
        "Lo sentimos, no he podido comprobar si puede crear formaciones (Slack no respondió a "
        "tiempo). Inténtelo de nuevo en un momento."
    ),
    trigger_expired=(
        "Slack tardó demasiado en abrir el formulario. Escriba `/training-create` de nuevo."
    ),
    modal_failed=(
        "No se pudo abrir el formulario (Slack respondió `{error}`). Inténtelo de nuevo; si "
        "sigue fallando, avise a la persona que gestiona esta aplicación."
    ),
    failure={
        "rejected": (
            ":warning: Lucca rechazó la formación, así que no se ha creado nada. Corrija lo "
            "señalado abajo y envíe de nuevo."
        ),
        "auth": (
            ":warning: Lucca rechazó el acceso de esta aplicación, así que no se ha creado "
            "nada. Avise a la persona que la gestiona: hay que revisar su clave de API de Lucca. "
            "Su formulario se conserva aquí."
        ),
        "not_found": (
            ":warning: Esta aplicación no está conectada a una cuenta de Lucca Training (Lucca "
            "respondió 404), así que no se ha creado nada. Pida a la persona que la gestiona "
            "que revise su dirección de Lucca."
        ),
        "rate_limited": (
            ":warning: Lucca está saturado: se han agotado las 50 peticiones por minuto de la "
            "cuenta. No se ha creado nada. {retry}"
        ),
        "unavailable": (
            ":warning: Lucca no está disponible en este momento; no se ha creado nada. Envíe "
            "de nuevo dentro de unos minutos."
        ),
        "outcome_unknown": (
            ":warning: Lucca no respondió a tiempo: puede que la formación se haya creado *o "
            "no*. Busque *{title}* en Lucca Training antes de enviar de nuevo, para no crearla "
            "dos veces."
        ),
        "unexpected_answer": (
            ":warning: No se pudo leer la respuesta de Lucca. Busque *{title}* en Lucca "
            "Training antes de enviar de nuevo: puede que se haya creado."
        ),
        "title_busy": (
            ":hourglass: *{title}* se está creando en otro lugar ahora mismo, o el almacenamiento "
            "de la aplicación no responde: no se envió nada a Lucca. Vuelva a enviar en un "
            "momento."
        ),
        "duplicate_check_incomplete": (
            ":warning: No se pudo buscar *{title}* en todo el catálogo, así que no se ha creado "
            "nada: puede que ya exista una formación con ese título. Búsquela en Lucca "
            "Training; si no está, marque *Crearla de todos modos* abajo y envíe de nuevo."
        ),
        "duplicate": (
            ":warning: Lucca Training ya tiene una formación titulada *{title}*: {existing}. "
            "No se ha creado nada. Cambie el título, o marque *Crearla de todos modos* abajo y "
            "envíe de nuevo si quiere una segunda."
        ),
        "configuration": (
            ":warning: Los ajustes de Lucca de esta aplicación no son utilizables, así que no "
            "se ha enviado nada. Avise a la persona que la gestiona."
        ),
        "internal": (
            ":warning: Algo salió mal en esta aplicación al crear la formación: puede que se "
            "haya creado o no. Busque *{title}* en Lucca Training antes de enviar de nuevo."
        ),
    },
    lucca_said="Lucca respondió: {said}",
    retry_in_seconds="Envíe de nuevo dentro de {seconds} segundos.",
    retry_in_a_minute="Envíe de nuevo dentro de un minuto.",
    dm_failed="No se pudo crear la formación *{title}*.\n{reason}",
    typed_values="Lo que había escrito, para no perder nada:",
    message_was_cut=(
        "El mensaje superaba los límites de Lucca, así que se ha recortado: el título conserva "
        "sus {title_limit} primeros caracteres y la descripción sus {description_limit} "
        "primeros. Revise su final."
    ),
    thread_share_label="Hilo del mensaje",
    thread_share_option="Mostrar el resultado a todos en el hilo",
    thread_share_hint="Sin marcar, solo usted ve la respuesta en el hilo del mensaje.",
    thread_note=(
        ":white_check_mark: <@{user}> ha creado la formación *n.º {id}* *{title}* en Lucca "
        "Training a partir de este mensaje. Está Lista, y fuera del catálogo público hasta que "
        "un administrador la publique."
    ),
    home_header="Lucca Training",
    home_intro=(
        "Cree formaciones en su catálogo de Lucca Training sin salir de Slack: con el botón de "
        "abajo, con `/training-create` o desde el menú *Más acciones* de un mensaje (*Crear una "
        "formación a partir de este mensaje*)."
    ),
    home_create="Crear una formación",
    home_recent_title="*Sus últimas creaciones*",
    home_recent_none="Ninguna por ahora: las formaciones que cree desde Slack aparecerán aquí.",
    store_down=(
        "No se pudo registrar esta formación para crearla (el almacenamiento de la "
        "aplicación no responde): no se creó nada. Lo que escribió se conserva; vuelva a "
        "enviar en un momento."
    ),
    home_recent_unavailable=(
        "Sus creaciones recientes no se pueden mostrar ahora mismo (el almacenamiento de "
        "la aplicación no responde). Vuelva a intentarlo en un momento."
    ),
    home_recent_item="*n.º {id}* {title}\n{status} · {when}",
    home_status_ready="Lista, fuera del catálogo público",
    home_help=(
        "*Conviene saber*\n"
        "• Título: {title_limit} caracteres como máximo; subtítulo: {subtitle_limit}; "
        "descripción: {description_limit}. El nivel, «certificable» y «obligatoria» son "
        "obligatorios; el tipo, el proveedor y la categoría son opcionales.\n"
        "• *Fuera del catálogo público*: una formación nueva está *Lista* (puede usarse para "
        "formaciones realizadas), pero los empleados no la ven en el catálogo hasta que un "
        "administrador de Lucca Training la publique en Lucca."
    ),
    home_refused=(
        ":no_entry: Crear formaciones desde Slack está reservado a algunas personas y usted aún "
        "no es una de ellas. Pida a quien instaló la aplicación Lucca Training que le añada."
    ),
    step_no_user=(
        'El paso necesita a la persona que ejecuta el flujo de trabajo (su entrada "user"): '
        "no se ha creado nada."
    ),
    step_refused=(
        "{user} no puede crear formaciones desde Slack (pida a quien gestiona la aplicación "
        "Lucca Training que le añada): no se ha creado nada."
    ),
    step_access_unknown=(
        "No se pudo comprobar si {user} puede crear formaciones (Slack no respondió a tiempo): "
        "no se ha creado nada. Ejecute el flujo de trabajo de nuevo."
    ),
    step_duplicate=(
        "Lucca Training ya tiene una formación titulada «{title}»: {existing}. No se ha creado "
        "nada: cambie el título en el flujo de trabajo, o cree la segunda con el formulario."
    ),
    step_duplicate_unsure=(
        "No se pudo buscar «{title}» en todo el catálogo, así que no se ha creado nada: puede "
        "que ya exista una formación con ese título. Ejecute el flujo de trabajo de nuevo en "
        "un momento."
    ),
    step_invalid="No se ha creado nada. {problems}",
)

DRAFTING = DraftingTexts(
    button="Redactar con IA",
    hint=(
        ":sparkles: Escriba un título y unas notas en la descripción y pulse *Redactar con IA*: "
        "escribe el subtítulo y la descripción y propone un nivel. Usted lo revisa todo antes "
        "de crear."
    ),
    loading_title="Redactando…",
    loading=(
        ":hourglass_flowing_sand: Escribiendo un subtítulo y una descripción para *{title}*… "
        "Puede tardar hasta {seconds} segundos. Después, su formulario vuelve con todo lo que "
        "escribió."
    ),
    need_input=(
        "Escriba primero un título o unas notas en la descripción: la propuesta parte de ahí."
    ),
    drafted=(
        ":sparkles: Redactado con IA a partir de sus notas: lea el subtítulo y la descripción "
        "antes de crear. Nivel propuesto: *{level}*."
    ),
    drafted_no_level=(
        ":sparkles: Redactado con IA a partir de sus notas: lea el subtítulo y la descripción "
        "antes de crear."
    ),
    level_kept="La IA propone *{suggested}*; se mantiene su elección, *{chosen}*.",
    cut=(
        ":warning: El campo {field} de la IA tenía {length} caracteres, más que los {limit} de "
        "Lucca: se ha recortado. Revise su final."
    ),
    kept_yours="La IA no propuso {field}: se mantiene el suyo.",
    failure={
        "timeout": (
            ":warning: La IA no respondió a tiempo. Su formulario está como lo dejó: inténtelo "
            "de nuevo."
        ),
        "unavailable": (
            ":warning: La IA no está disponible en este momento. Su formulario está como lo "
            "dejó: inténtelo de nuevo dentro de unos minutos."
        ),
        "refused": (
            ":warning: El servicio de IA rechazó la petición: avise a la persona que gestiona "
            "esta aplicación de que hay que revisar sus ajustes LLM. Su formulario está como lo "
            "dejó."
        ),
        "unreadable": (
            ":warning: La respuesta de la IA no se pudo usar. Su formulario está como lo dejó: "
            "inténtelo de nuevo."
        ),
        "internal": (
            ":warning: Algo salió mal en esta aplicación al redactar. Su formulario está como lo "
            "dejó."
        ),
    },
    field_names={"title": "título", "subtitle": "subtítulo", "description": "descripción"},
    draft_intro="Aquí tiene una propuesta:",
    labels={
        "title": "Título",
        "subtitle": "Subtítulo",
        "description": "Descripción",
        "level": "Nivel propuesto",
    },
    over_limit=(
        ":warning: El campo {field} tiene {length} caracteres, más que los {limit} de Lucca: "
        "pídame que lo acorte (el formulario solo conserva los {limit} primeros)."
    ),
    open_form="Abrir el formulario",
    nothing_created=(
        "No se crea nada hasta que envíe el formulario. Dígame qué cambiar, o abra el formulario "
        "para revisarlo y crearla."
    ),
    fallback="Propuesta: {title}",
    thread_failure={
        "timeout": "Lo siento, la IA no respondió a tiempo. Repítalo en un momento.",
        "unavailable": (
            "Lo siento, la IA no está disponible ahora. Inténtelo dentro de unos minutos."
        ),
        "refused": (
            "Lo siento, el servicio de IA rechazó la petición: avise a la persona que gestiona "
            "esta aplicación de que hay que revisar sus ajustes LLM."
        ),
        "unreadable": (
            "Lo siento, la respuesta de la IA no se pudo usar. Repítalo, quizá de otra manera."
        ),
        "internal": "Lo siento, algo salió mal en esta aplicación al redactar.",
    },
    thread_unreadable=(
        "Lo siento, no pude volver a leer este hilo en Slack. Inténtelo en un momento."
    ),
    draft_not_found=("Lo siento, ya no encuentro esta propuesta en el hilo. Pídamela de nuevo."),
    form_not_opened=(
        "No se pudo abrir el formulario (Slack respondió `{error}`). Pulse el botón de nuevo."
    ),
)
